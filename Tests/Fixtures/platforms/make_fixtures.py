#!/usr/bin/env python3
"""Writes the platform-shaped exports of Tests/Fixtures/platforms (see README.md there).

Every file holds the default instrument's employee items; the answers are chosen so that
the tests can state by hand which rows are accepted and which are rejected and why.
Run from this folder: python3 make_fixtures.py
"""
import csv

LEAD = ["lead_vision", "lead_mobilize", "lead_momentum", "lead_inspire", "lead_empower", "lead_urgency"]
LEAD_TEXT = ["Our leaders paint a clear picture of the future this change will bring",
             "We are given the resources needed to make that picture real",
             "Change here moves forward faster and smarter than it used to",
             "I believe in the change we are making",
             "I am empowered to push the change forward myself",
             "We act quickly on good but unproven ideas"]
REST = ["mgmt_buyin", "mgmt_control", "mgmt_budget", "mgmt_planned", "life_easier", "life_time", "life_lasting",
        "waste_defects", "waste_overproduction", "waste_waiting", "waste_talent", "waste_transport",
        "waste_inventory", "waste_motion", "waste_processing"]
AREA_TEXT = "Which area do you work in?"
ENPS_TEXT = "How likely are you to recommend working here?"


def answers(lead, rest, enps):
    return [str(lead)] * len(LEAD) + [str(rest)] * len(REST) + [str(enps)]


def write(name, rows, bom=False):
    with open(name, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)


def qualtrics_current():
    meta = ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId"]
    names = meta + ["Q2"] + [f"Q5_{i + 1}" for i in range(len(LEAD))] + REST + ["enps"]
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date", "Response ID",
             AREA_TEXT] + [f"How is change led here? - {t}" for t in LEAD_TEXT] + REST + [ENPS_TEXT]
    imports = ['{"ImportId":"%s"}' % n for n in names]
    def row(status, finished, recorded, rid, area, lead=4, rest=3, enps=9):
        return ["2026-08-14 09:00:00", "2026-08-14 09:10:00", status, "100", finished, recorded, rid, area] \
            + answers(lead, rest, enps)
    write("qualtrics_current.csv", [names, texts, imports,
          row("IP Address", "True", "2026-08-15 10:00:00", "R_1", "Operations"),          # line 4: accepted
          row("Survey Preview", "True", "2026-08-15 10:01:00", "R_2", "Operations"),      # 5: preview
          row("IP Address", "False", "2026-08-15 10:02:00", "R_3", "Operations"),         # 6: unfinished
          row("Spam", "True", "not a date", "R_4", "Atlantis"),                           # 7: spam beats bad_date
          row("IP Address", "True", "2026-08-15 10:04:00", "R_5", "Ops", lead=5, enps=10),  # 8: accepted
          row("IP Address", "True", "2026-08-15 10:05:00", "R_6", "Atlantis"),            # 9: unknown_area
          ], bom=True)


def qualtrics_legacy():
    meta = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
            "StartDate", "EndDate", "Finished"]
    first = [f"V{i + 1}" for i in range(len(meta))] + ["area"] + LEAD + REST + ["enps"]
    second = meta + [AREA_TEXT] + LEAD_TEXT + REST + [ENPS_TEXT]
    def row(rid, status, finished, end="2026-08-15 10:00:00", lead=4):
        return [rid, "Default Response Set", "", "", "", "10.0.0.1", status, "2026-08-15 09:50:00", end, finished,
                "Customer Service"] + answers(lead, 3, 7)
    write("qualtrics_legacy.csv", [first, second,
          row("R_a", "0", "1"),                  # line 3: accepted
          row("R_b", "1", "1"),                  # 4: Status code 1, a preview
          row("R_c", "0", "0"),                  # 5: unfinished
          row("R_d", "8", "1"),                  # 6: Status code 8, a test
          row("R_e", "0", "1", lead=2),          # 7: accepted
          ])


def surveymonkey():
    first = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", AREA_TEXT,
             "How is change led here?"] + [""] * (len(LEAD) - 1) + REST + [ENPS_TEXT, "Anything else?"]
    second = ["", "", "", "", "", "Response"] + LEAD_TEXT + ["Response"] * len(REST) + ["Response",
              "Open-Ended Response"]
    def row(rid, end, area="Operations", lead=5, comment=""):
        return [rid, "4123", "08/15/2026 09:00:00 AM", end, "10.0.0.2", area] + answers(lead, 2, 8) + [comment]
    write("surveymonkey.csv", [first, second,
          row("114000001", "08/15/2026 10:15:32 AM", comment="Fewer handoffs"),   # line 3: accepted
          row("114000002", "08/15/2026 01:05:09 PM", lead=3),                     # 4: accepted
          row("114000003", "2026-08-15 14:00"),                                   # 5: built-in form, accepted
          row("114000004", "15.08.2026"),                                         # 6: bad_date
          ])


def google_forms():
    header = ["Timestamp", AREA_TEXT, "What is your role?"] + LEAD_TEXT + REST + [ENPS_TEXT]
    def row(stamp, area="Operations", lead=4):
        return [stamp, area, "Frontline"] + answers(lead, 3, 6)
    write("google_forms.csv", [header,
          row("2026/08/15 10:15:32 AM GMT+1"),     # line 2
          row("2026/08/15 10:15:32 AM GMT+1"),     # 3: the same answers again: its own respondent
          row("2026/08/16 6:12:53 PM GMT+5:30"),   # 4
          row("08/17/2026 18:30:00", lead=2),      # 5: %m/%d/%Y %H:%M:%S
          row("17/08/2026 18:30"),                 # 6: bad_date (day first is never guessed)
          ])


if __name__ == "__main__":
    qualtrics_current()
    qualtrics_legacy()
    surveymonkey()
    google_forms()
