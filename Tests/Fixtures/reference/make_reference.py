"""Writes reference.xlsx with Python's XlsxWriter: a small fixed sheet that
Tests/ExportTests/ReferenceWorkbookTests.swift writes again through the
XLSXWriter wrapper (libxlsxwriter) and compares part by part.

Run from this folder:  python3 make_reference.py   (needs: pip install XlsxWriter)
Keep the sheet here and in the Swift test the same, cell for cell.
"""

import datetime

import xlsxwriter

workbook = xlsxwriter.Workbook("reference.xlsx")
workbook.set_properties({
    "title": "Reference sheet",
    "subject": "Wrapper conformance",
    "author": "SurveyPipeline tests",
    "created": datetime.datetime(2026, 1, 2, 0, 0, 0),
})

sheet = workbook.add_worksheet("Reference")
header = workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "pattern": 1, "bottom": 1,
                              "bottom_color": "#8EA9C1", "text_wrap": True, "valign": "top"})
score = workbook.add_format({"num_format": "0.0", "align": "right"})
share = workbook.add_format({"num_format": "0%", "italic": True, "font_color": "#808080"})

sheet.write_string(0, 0, "Region", header)
sheet.write_string(0, 1, "Score", header)
sheet.write_string(0, 2, "Share", header)
rows = [("North", 72.5, 0.25), ("South", 61.0, 0.5), ("East & West <3", 48.25, 0.125)]
for index, (region, value, fraction) in enumerate(rows, start=1):
    sheet.write_string(index, 0, region)
    sheet.write_number(index, 1, value, score)
    sheet.write_number(index, 2, fraction, share)
sheet.write_boolean(4, 0, True)

sheet.set_column(0, 0, 18)
sheet.freeze_panes(1, 0)
sheet.set_landscape()
sheet.fit_to_pages(1, 0)
sheet.repeat_rows(0, 0)
sheet.set_header("&LR&&D report&RWave 2026-Q3")
sheet.set_footer("&LConfidential: survey results&RPage &P of &N")
sheet.set_margins(0.3, 0.3, 0.6, 0.6)
sheet.set_h_pagebreaks([6])

chart = workbook.add_chart({"type": "column"})
chart.add_series({"categories": ["Reference", 1, 0, 3, 0], "values": ["Reference", 1, 1, 3, 1],
                  "name": ["Reference", 0, 1],
                  "data_labels": {"value": True, "position": "outside_end", "font": {"size": 8, "bold": False, "italic": False},
                                  "custom": [{"value": "North"}, {"delete": True}, {"value": "\u200b=East"}]}})
chart.set_title({"name": "Score by region"})
chart.set_legend({"position": "none"})
sheet.insert_chart(1, 4, chart)

hidden = workbook.add_worksheet("Chart data")
hidden.hide()

workbook.close()
