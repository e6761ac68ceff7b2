"""The small XlsxWriter workbook both Python baselines write (a Summary and an Areas sheet).

Shared by benchmarks/pandas_baseline.py and benchmarks/polars_baseline.py, so the two
do the same export work. `results` is the baseline's results dictionary (SPEC §8.1
shapes for `wave` and `areas`); `constructs` maps a survey kind to its constructs.
"""
import xlsxwriter


def write_workbook(path, results, constructs):
    book = xlsxwriter.Workbook(path)
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    number = book.add_format({"num_format": "0.0"})
    percent = book.add_format({"num_format": "0.0%"})
    ready = book.add_format({"bg_color": "#C6EFCE"})
    not_ready = book.add_format({"bg_color": "#FFC7CE"})

    summary = book.add_worksheet("Summary")
    summary.write(0, 0, f"Readiness for systemic change, {results['wave']}", book.add_format({"bold": True,
                                                                                             "font_size": 14}))
    columns = ["Area", "Readiness", "Band", "Quadrant", "LMI", "Leadership", "Management", "Employee life",
               "Customer life", "Difference gap", "eNPS", "NPS", "Response rate", "Employees", "Customers"]
    summary.write_row(2, 0, columns, header)
    for r, area in enumerate(results["areas"], start=3):
        c = area["constructs"]

        def mean(name):
            figure = c.get(name)
            return figure.get("mean") if figure and not figure.get("suppressed") else None

        def score(figure):
            return figure.get("score") if figure and not figure.get("suppressed") else None

        row = [area["area"], area["readiness"], area["band"], area["quadrant"], area["lmi"], mean("leadership"),
               mean("management"), mean("employee_life"), mean("customer_life"), area["difference_gap"],
               score(area.get("enps")), score(area.get("nps")), area["response_rate"], area["employee_n"],
               area["customer_n"]]
        for col, value in enumerate(row):
            if value is None:
                summary.write_blank(r, col, None)
            elif isinstance(value, str):
                summary.write_string(r, col, value)
            else:
                summary.write_number(r, col, value, percent if col == 12 else number if col < 13 else None)
    last = 2 + len(results["areas"])
    summary.conditional_format(3, 1, last, 1, {"type": "cell", "criteria": ">=", "value": 75, "format": ready})
    summary.conditional_format(3, 1, last, 1, {"type": "cell", "criteria": "<", "value": 60, "format": not_ready})
    summary.freeze_panes(3, 1)
    summary.set_column(0, 0, 22)
    summary.set_column(1, len(columns) - 1, 12)

    sheet = book.add_worksheet("Areas")
    names = [c["name"] for kind in constructs for c in constructs[kind]]
    head = ["Area", "Construct", "n", "Mean", "SD", "CI low", "CI high", "Alpha"]
    sheet.write_row(0, 0, head, header)
    r = 1
    for area in results["areas"]:
        for name in names:
            figure = area["constructs"].get(name)
            sheet.write_string(r, 0, area["area"])
            sheet.write_string(r, 1, name)
            if figure:
                sheet.write_number(r, 2, figure["n"])
                for col, key in enumerate(("mean", "sd", "ci_low", "ci_high", "alpha"), start=3):
                    value = figure.get(key)
                    if value is None:
                        sheet.write_blank(r, col, None)
                    else:
                        sheet.write_number(r, col, value, number if key != "alpha" else None)
            r += 1
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, r - 1, len(head) - 1)
    book.close()

