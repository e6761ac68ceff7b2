#!/usr/bin/env python3
"""Independent reader of the executive workbook (openpyxl, not libxlsxwriter).

Usage: check_workbook.py REPORT.xlsx REPORT.json
Checks the sheet order, the active sheet, frozen panes, that every Summary and
Areas figure equals the JSON (suppressed figures carry the marker "hidden"),
that no cell holds a formula and that no respondent id appears. Prints one line
per problem and exits 1 if there is any.
"""
import json
import re
import sys

import openpyxl

SHEETS = ["Summary", "Areas", "Items", "Drivers", "Trends", "Customers", "Themes", "Comments", "Data quality", "Method"]
MARKER = "hidden"
SUMMARY_HEADER_ROW = 6  # 1-based row of the Summary table's header
CONSTRUCT_COLUMNS = {"leadership": 6, "management": 7, "employee_life": 8, "customer_life": 9}
ID_PATTERN = re.compile(r"\b[EC]\d{6,}\b")

problems = []


def same(cell_value, expected, where, suppressed=False):
    if expected is None:
        if suppressed and cell_value != MARKER:
            problems.append(f"{where}: expected the marker {MARKER!r}, got {cell_value!r}")
        elif cell_value not in (None, MARKER):
            problems.append(f"{where}: expected no figure, got {cell_value!r}")
        return
    if not isinstance(cell_value, (int, float)) or isinstance(cell_value, bool):
        problems.append(f"{where}: expected the number {expected}, got {cell_value!r}")
    elif abs(cell_value - expected) > 1e-9 * max(1.0, abs(expected)):
        problems.append(f"{where}: expected {expected}, got {cell_value}")


def main(xlsx_path, json_path):
    report = json.load(open(json_path, encoding="utf-8"))
    book = openpyxl.load_workbook(xlsx_path)
    if book.sheetnames != SHEETS:
        problems.append(f"sheet order: {book.sheetnames}")
    if book.active.title != "Summary":
        problems.append(f"active sheet: {book.active.title}")
    for name, pane in [("Summary", "B7"), ("Areas", "C3")]:
        if book[name].freeze_panes != pane:
            problems.append(f"{name}: frozen panes {book[name].freeze_panes}, expected {pane}")

    summary = book["Summary"]
    rows = {}  # the first row naming each area: the chart-data blocks further down repeat the names
    for r in range(SUMMARY_HEADER_ROW + 1, summary.max_row + 1):
        rows.setdefault(summary.cell(row=r, column=1).value, r)
    for area in report["areas"]:
        r = rows.get(area["area"])
        if r is None:
            problems.append(f"Summary: no row for {area['area']}")
            continue
        cell = lambda column: summary.cell(row=r, column=column).value
        where = f"Summary {area['area']}"
        same(cell(2), area["readiness"], f"{where} readiness")
        same(cell(4), area["lmi"], f"{where} LMI")
        for name, column in CONSTRUCT_COLUMNS.items():
            construct = area["constructs"][name]
            same(cell(column), construct["mean"], f"{where} {name}", construct["suppressed"])
        same(cell(10), area["difference_gap"], f"{where} difference gap")
        for key, first in [("enps", 11), ("nps", 14)]:
            figure = area[key]
            for offset, field in enumerate(["score", "ci_low", "ci_high"]):
                same(cell(first + offset), figure[field], f"{where} {key} {field}", figure["suppressed"])
        same(cell(17), area["employee_n"], f"{where} employee n")
        same(cell(18), area["customer_n"], f"{where} customer n")
        rate = area["response_rate"]
        same(cell(19), None if rate is None else rate * 100, f"{where} response rate")
        if (cell(3) or None) != area["band"] and not (area["band"] is None and cell(3) == MARKER):
            problems.append(f"{where} band: {cell(3)!r} vs {area['band']!r}")

    areas = book["Areas"]
    labels = {}
    for r in range(3, areas.max_row + 1):
        labels[(areas.cell(row=r, column=1).value, areas.cell(row=r, column=2).value)] = r
    construct_labels = {"leadership": "Leadership", "management": "Management", "employee_life": "Employee life",
                        "low_waste": "Low waste", "cx": "Customer experience", "customer_life": "Customer life"}
    for area in report["areas"]:
        for name, construct in area["constructs"].items():
            r = labels.get((area["area"], construct_labels[name]))
            if r is None:
                problems.append(f"Areas: no row for {area['area']} / {name}")
                continue
            where = f"Areas {area['area']} {name}"
            same(areas.cell(row=r, column=4).value, construct["n"], f"{where} n")
            for column, field in [(5, "mean"), (6, "sd"), (7, "ci_low"), (8, "ci_high"), (9, "alpha")]:
                same(areas.cell(row=r, column=column).value, construct[field], f"{where} {field}",
                     construct["suppressed"])

    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{sheet.title}!{cell.coordinate}: a formula {cell.value!r}")
                if isinstance(cell.value, str) and ID_PATTERN.search(cell.value):
                    problems.append(f"{sheet.title}!{cell.coordinate}: a respondent id in {cell.value!r}")

    for line in problems[:50]:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
