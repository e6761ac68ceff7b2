#!/usr/bin/env python3
"""Independent reader of the executive workbook (openpyxl, not libxlsxwriter).

Usage: check_workbook.py REPORT.xlsx REPORT.json
       check_workbook.py --numbers REPORT.xlsx   (only: no number shows as -0.0)
Checks the sheet order, the active sheet, frozen panes, that every Summary,
Areas and breakdown-sheet figure equals the JSON (suppressed figures carry the marker "hidden"),
the Summary's column order and row order (readiness, best first, areas without
one last, All areas last below a blank row), the print setup of every printed
sheet (landscape, one page wide, header with report and wave, footer with page N
of M and the confidentiality line), that no number shows as -0.0 under its
number format, that no cell holds a formula and that no respondent id appears.
Prints one line per problem and exits 1 if there is any.
"""
import json
import math
import re
import sys

import openpyxl

SHEETS = ["Summary", "Areas", "Items", "Drivers", "Trends", "Customers", "Themes", "Comments", "Data quality", "Method",
          "Chart data"]
HIDDEN_SHEETS = {"Chart data"}
MARKER = "hidden"
SUMMARY_HEADER_ROW = 6  # 1-based row of the Summary table's header
SUMMARY_COLUMNS = ["Area", "Readiness", "Band", "Change", "Quadrant", "Three things to do differently", "LMI",
                   "Employee life", "Customer life", "Difference gap", "eNPS", "NPS", "Response rate"]
CONSTRUCT_COLUMNS = {"employee_life": 8, "customer_life": 9}
NEGATIVE_ZERO = re.compile(r"-0(\.0+)?(?![0-9.])")
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
    tables = breakdown_tables(report)
    expected_sheets = SHEETS[:6] + [breakdown_sheet_name(survey, column) for survey, column in tables] + SHEETS[6:]
    if book.sheetnames != expected_sheets:
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
        same(cell(7), area["lmi"], f"{where} LMI")
        for name, column in CONSTRUCT_COLUMNS.items():
            construct = area["constructs"][name]
            same(cell(column), construct["mean"], f"{where} {name}", construct["suppressed"])
        same(cell(10), area["difference_gap"], f"{where} difference gap")
        for key, column in [("enps", 11), ("nps", 12)]:
            same(cell(column), area[key]["score"], f"{where} {key} score", area[key]["suppressed"])
        rate = area["response_rate"]
        same(cell(13), None if rate is None else rate * 100, f"{where} response rate")
        change = readiness_change(report, area["area"])
        same(cell(4), change, f"{where} change")
        if (cell(3) or None) != area["band"] and not (area["band"] is None and cell(3) == MARKER):
            problems.append(f"{where} band: {cell(3)!r} vs {area['band']!r}")

    check_summary_layout(summary, report)
    for sheet in book.worksheets:
        if sheet.title in HIDDEN_SHEETS:
            if sheet.sheet_state != "hidden":
                problems.append(f"{sheet.title}: expected a hidden sheet, is {sheet.sheet_state}")
        else:
            check_print_setup(sheet, report)
        check_no_negative_zero(sheet)

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

    for (survey, column), rows in tables.items():
        name = breakdown_sheet_name(survey, column)
        if name in book.sheetnames:
            check_breakdown(book[name], rows)

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


def breakdown_tables(report):
    """The JSON's breakdown rows grouped by (survey, column), in their order."""
    tables = {}
    for row in report["breakdowns"]:
        tables.setdefault((row["survey"], row["column"]), []).append(row)
    return tables


def breakdown_sheet_name(survey, column):
    return ("Employees" if survey == "employee" else "Customers") + " by " + column


def check_breakdown(sheet, rows):
    """Blocks in order: n, each construct of the rows, then eNPS / NPS; each a header row
    starting "Area" with the values, then a row per area."""
    first = rows[0]
    recommend = "enps" if first["survey"] == "employee" else "nps"
    figures = [None] + list(first["constructs"].keys()) + [recommend]
    headers = [r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "Area"]
    if len(headers) != len(figures):
        problems.append(f"{sheet.title}: {len(headers)} blocks, expected {len(figures)}")
        return
    values = list(dict.fromkeys(row["value"] for row in rows))
    areas = list(dict.fromkeys(row["area"] for row in rows))
    cells = {(row["value"], row["area"]): row for row in rows}
    for header, figure in zip(headers, figures):
        shown = [sheet.cell(row=header, column=2 + i).value for i in range(len(values))]
        if shown != values:
            problems.append(f"{sheet.title} row {header}: values {shown}, expected {values}")
            continue
        for a, area in enumerate(areas):
            r = header + 1 + a
            if sheet.cell(row=r, column=1).value != area:
                problems.append(f"{sheet.title} row {r}: area {sheet.cell(row=r, column=1).value!r}, expected {area!r}")
                continue
            for v, value in enumerate(values):
                cell = sheet.cell(row=r, column=2 + v).value
                row = cells[(value, area)]
                where = f"{sheet.title} {figure or 'n'} {area} / {value}"
                if figure is None:
                    same(cell, row["n"], where)
                elif figure == recommend:
                    same(cell, row[figure]["score"], where, row[figure]["suppressed"])
                else:
                    construct = row["constructs"][figure]
                    same(cell, construct["mean"], where, construct["suppressed"])


def readiness_change(report, area):
    """Readiness in the report wave minus the wave before, from the JSON's trends."""
    waves = report["waves"]
    if report["wave"] not in waves or waves.index(report["wave"]) == 0:
        return None
    previous = waves[waves.index(report["wave"]) - 1]
    points = {p["wave"]: p["readiness"] for p in report["trends"] if p["area"] == area}
    now, before = points.get(report["wave"]), points.get(previous)
    return None if now is None or before is None else now - before


def check_summary_layout(summary, report):
    header = [summary.cell(row=SUMMARY_HEADER_ROW, column=c).value for c in range(1, summary.max_column + 1)]
    header = [h for h in header if h is not None]
    titles = [h.split(" since ")[0] for h in header]
    if titles != SUMMARY_COLUMNS:
        problems.append(f"Summary columns: {header}")
    configured = [a for a in report["areas"] if a["area"] != "All areas"]
    expected = sorted(configured, key=lambda a: (a["readiness"] is None, -(a["readiness"] or 0)))
    names = []
    r = SUMMARY_HEADER_ROW + 1
    while summary.cell(row=r, column=1).value is not None:
        names.append(summary.cell(row=r, column=1).value)
        r += 1
    # Ties keep config order (a stable sort), as the workbook does.
    if names != [a["area"] for a in expected]:
        problems.append(f"Summary order: {names}, expected {[a['area'] for a in expected]}")
    if summary.cell(row=r + 1, column=1).value != "All areas":
        problems.append(f"Summary: All areas is not after one blank row below the areas (row {r + 1})")


def check_print_setup(sheet, report):
    where = f"{sheet.title} print setup"
    if sheet.page_setup.orientation != "landscape":
        problems.append(f"{where}: orientation {sheet.page_setup.orientation}")
    if not sheet.sheet_properties.pageSetUpPr.fitToPage or sheet.page_setup.fitToWidth not in (1, None) \
            or sheet.page_setup.fitToHeight != 0:
        problems.append(f"{where}: not fit to one page wide ({sheet.page_setup.fitToWidth}, "
                        f"{sheet.page_setup.fitToHeight})")
    header = (sheet.oddHeader.left.text or "") + "|" + (sheet.oddHeader.right.text or "")
    if report["report"] not in header or report["wave"] not in header:
        problems.append(f"{where}: header {header!r} lacks the report or the wave")
    footer = (sheet.oddFooter.left.text or "") + "|" + (sheet.oddFooter.right.text or "")
    if "Page &P of &N" not in footer or "Confidential: survey results" not in footer:
        problems.append(f"{where}: footer {footer!r}")
    if not sheet.print_title_rows:
        problems.append(f"{where}: no repeated title rows")


def formatted(value, code):
    """The text a number shows under a number format of the kinds the workbook uses: sections
    (positive;negative;zero), conditions such as [>=0.05] (whose sections show the absolute
    value, as Excel and LibreOffice do), quoted literals and 0 / # / , / . placeholders."""
    if code == "General":
        return repr(value)
    sections = code.split(";")
    conditions = [re.match(r"\[(>=|<=|>|<|=)(-?[0-9.]+)\](.*)$", part) for part in sections]
    tests = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
             "<": lambda a, b: a < b, "=": lambda a, b: a == b}
    negative = math.copysign(1, value) < 0
    if any(conditions):
        chosen = sections[-1]
        for match, part in zip(conditions, sections):
            if match is None:
                chosen = part
                break
            if tests[match.group(1)](value, float(match.group(2))):
                chosen = match.group(3)
                break
        negative = False
    elif negative and len(sections) > 1:
        chosen, negative = sections[1], False
    elif value == 0 and len(sections) > 2:
        chosen = sections[2]
    else:
        chosen = sections[0]
    text = ""
    for token in re.findall(r'"[^"]*"|[#0,.]+|.', chosen):
        if token.startswith('"'):
            text += token[1:-1]
        elif re.fullmatch(r"[#0,.]+", token):
            decimals = len(token.split(".")[1]) if "." in token else 0
            number = f"{abs(value):,.{decimals}f}" if "," in token else f"{abs(value):.{decimals}f}"
            text += ("-" if negative else "") + number
        else:
            text += token
    return text


def check_no_negative_zero(sheet):
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                shown = formatted(cell.value, cell.number_format or "General")
                if NEGATIVE_ZERO.search(shown):
                    problems.append(f"{sheet.title}!{cell.coordinate}: {cell.value!r} shows as {shown!r}")


def numbers_only(xlsx_path):
    for sheet in openpyxl.load_workbook(xlsx_path).worksheets:
        check_no_negative_zero(sheet)
    for line in problems[:50]:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1] == "--numbers":
        sys.exit(numbers_only(sys.argv[2]))
    sys.exit(main(sys.argv[1], sys.argv[2]))
