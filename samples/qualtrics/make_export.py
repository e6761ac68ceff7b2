"""Writes employees.csv, a small Qualtrics-style export (see README.md), deterministically.

Run from this folder: python3 make_export.py. Not part of the product (the package never runs
Python); the CSV is committed and its bytes only change when this script does.
"""
import csv
import random

rng = random.Random(11)

META = [("StartDate", "Start Date"), ("EndDate", "End Date"), ("Status", "Response Type"),
        ("IPAddress", "IP Address"), ("Progress", "Progress"), ("Duration (in seconds)", "Duration (in seconds)"),
        ("Finished", "Finished"), ("RecordedDate", "Recorded Date"), ("ResponseId", "Response ID"),
        ("DistributionChannel", "Distribution Channel"), ("UserLanguage", "User Language")]
LEAD = ["Our leaders paint a clear picture of the future this change will bring",
        "We are given the resources needed to make that picture real",
        "I believe in the change we are making",
        "I am empowered to push the change forward myself"]
WORK = ["I know what is expected of me", "I have the tools to do my job well", "My workload is manageable"]
AGREE7 = ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
          "Somewhat agree", "Agree", "Strongly agree"]
AREAS = ["Operations", "Sales", "Finance"]
COMMENTS = ["", "", "", "More training please", "Clearer priorities would help", "Good team spirit",
            "Too many meetings", "The new tools are great"]

names = [m[0] for m in META] + ["Q1"] + [f"Q2_{i + 1}" for i in range(len(LEAD))] \
    + [f"Q3_{i + 1}" for i in range(len(WORK))] + ["Q4", "Q5"]
texts = [m[1] for m in META] + ["Which department do you work in?"] \
    + [f"How is change led here? - {t}" for t in LEAD] + [f"Your work - {t}" for t in WORK] \
    + ["How likely are you to recommend working here to a friend?", "Any other comments for us?"]
imports = ['{"ImportId":"%s"}' % n for n in ["startDate", "endDate", "status", "ipAddress", "progress", "duration",
                                              "finished", "recordedDate", "_recordId", "distributionChannel",
                                              "userLanguage", "QID1"]
           + [f"QID2_{i + 1}" for i in range(len(LEAD))] + [f"QID3_{i + 1}" for i in range(len(WORK))]
           + ["QID4", "QID5_TEXT"]]

rows = []
for n in range(60):
    area = AREAS[n % 3]
    lean = {"Operations": 0, "Sales": 1, "Finance": -1}[area]
    day = 1 + n // 10
    start = f"2026-09-{day:02d} {8 + n % 9:02d}:{n % 50:02d}:00"
    end = f"2026-09-{day:02d} {8 + n % 9:02d}:{n % 50 + 7:02d}:00"
    status, finished, progress = "IP Address", "True", "100"
    if n in (0, 1):
        status = "Survey Preview"
    if n == 30:
        finished, progress = "False", "40"
    lead = [AGREE7[max(0, min(6, 3 + lean + rng.randint(-3, 3)))] for _ in LEAD]
    work = [str(max(1, min(5, 3 + lean + rng.randint(-2, 2)))) for _ in WORK]
    nps = str(max(0, min(10, 7 + lean + rng.randint(-4, 3))))
    if n == 30:
        lead[2:], work, nps = [""] * (len(LEAD) - 2), [""] * len(WORK), ""
    rows.append([start, end, status, f"192.0.2.{n + 1}", progress, str(300 + 7 * n), finished,
                 end, f"R_{n + 1:04d}qS", "anonymous", "EN", area] + lead + work + [nps, rng.choice(COMMENTS)])

with open("employees.csv", "w", newline="", encoding="utf-8-sig") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([names, texts, imports] + rows)
