#!/usr/bin/env python3
"""Writes the .xlsx fixtures of Tests/XLSXInputTests (see README.md beside this file).

Run from anywhere: python3 Tests/Fixtures/xlsx/generate.py  (needs XlsxWriter and openpyxl).
The files are committed; rerun only to change them. Output is deterministic: fixed
timestamps in the ZIP entries and in the document properties.
"""
import datetime as dt
import os
import zipfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = dt.datetime(2024, 1, 2, 3, 4, 5)


def path(name):
    return os.path.join(HERE, name)


def microsoft_forms():
    """A Microsoft Forms export as Forms writes it: one header row, ID / Start time /
    Completion time / Email / Name, then the questions; dates as serial numbers with a
    date format; answers as label texts and numbers; a free-text comment."""
    wb = xlsxwriter.Workbook(path("microsoft_forms.xlsx"))
    wb.set_properties({"created": FIXED})
    ws = wb.add_worksheet("Form1")
    when = wb.add_format({"num_format": "m/d/yy h:mm:ss"})
    grey = wb.add_format({"bg_color": "#DDDDDD"})
    header = ["ID", "Start time", "Completion time", "Email", "Name",
              "I understand our strategy", "How likely are you to recommend us?", "Comments"]
    ws.write_row(0, 0, header)
    # row 2: every cell
    ws.write_number(1, 0, 1)
    ws.write_datetime(1, 1, dt.datetime(2024, 3, 4, 9, 15, 0), when)
    ws.write_datetime(1, 2, dt.datetime(2024, 3, 4, 9, 21, 30), when)
    ws.write_string(1, 3, "anonymous")
    ws.write_string(1, 4, "")  # XlsxWriter writes an empty string as a blank cell
    ws.write_string(1, 5, "Agree")
    ws.write_number(1, 6, 9)
    ws.write_string(1, 7, "Great team, clear goals")
    # row 3: a comment with a line break and accents
    ws.write_number(2, 0, 2)
    ws.write_datetime(2, 1, dt.datetime(2024, 3, 5, 23, 59, 0), when)
    ws.write_datetime(2, 2, dt.datetime(2024, 3, 6, 0, 1, 2), when)
    ws.write_string(2, 3, "anonymous")
    ws.write_string(2, 5, "Strongly agree")
    ws.write_number(2, 6, 10)
    ws.write_string(2, 7, "Caf\u00e9 \u00fcber alles\nsecond line")
    # row 4: Email and Name missing, a non-integer number, no comment
    ws.write_number(3, 0, 3)
    ws.write_datetime(3, 1, dt.datetime(2024, 3, 7, 12, 0, 0), when)
    ws.write_datetime(3, 2, dt.datetime(2024, 3, 7, 12, 30, 0), when)
    ws.write_string(3, 5, "Neutral")
    ws.write_number(3, 6, 7.5)
    # row 5: formatting only
    ws.write_blank(4, 0, None, grey)
    ws.write_blank(4, 3, None, grey)
    # row 7 (row 6 absent): a short row, the same shared string as row 2
    ws.write_number(6, 0, 4)
    ws.write_datetime(6, 1, dt.datetime(2024, 3, 8, 8, 0, 0), when)
    ws.write_datetime(6, 2, dt.datetime(2024, 3, 8, 8, 5, 0), when)
    ws.write_string(6, 3, "anonymous")
    wb.close()


def rich_1904():
    """A workbook in the 1904 date system, with a rich-text shared string, a boolean,
    a formula with a text result, a formula with an error result, and dates."""
    wb = xlsxwriter.Workbook(path("rich_1904.xlsx"), {"date_1904": True})
    wb.set_properties({"created": FIXED})
    ws = wb.add_worksheet("Data")
    bold = wb.add_format({"bold": True})
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws.write_row(0, 0, ["label", "submitted", "flag", "formula", "error"])
    ws.write_rich_string(1, 0, "Somewhat ", bold, "agree", " (rich)")
    ws.write_datetime(1, 1, dt.datetime(1904, 1, 1, 0, 0, 0), when)
    ws.write_boolean(1, 2, True)
    ws.write_formula(1, 3, '="to"&"tal"', None, "total")
    ws.write_formula(1, 4, "=1/0", None, "#DIV/0!")
    ws.write_string(2, 0, "plain")
    ws.write_datetime(2, 1, dt.datetime(2024, 3, 4, 6, 0, 0), when)
    ws.write_boolean(2, 2, False)
    wb.close()


def openpyxl_written():
    """The same kind of sheet written by a second library (openpyxl): shared strings,
    integers, a float, and a gap in the middle of a row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws.append(["respondent_id", "area", "lead_1", "comment"])
    ws.append(["r1", "Sales", 4, "ok"])
    ws.append(["r2", None, 5, None])
    ws["A4"] = "r3"
    ws["D4"] = "gap before me"
    ws["C5"] = 2.25
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path("openpyxl_written.xlsx"))


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook_xml(sheets, pr=""):
    items = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{rid}"/>' for i, (n, rid) in enumerate(sheets))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{items}</sheets></workbook>')


def rels_xml(links):
    items = "".join(f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"/>' for rid, kind, target in links)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{items}</Relationships>")


def sheet_xml(rows_xml):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>\n{rows_xml}\n</sheetData></worksheet>')


def write_zip(name, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", compression) as archive:
        for member, text in members:
            info = zipfile.ZipInfo(member, date_time=FIXED.timetuple()[:6])
            info.compress_type = compression
            archive.writestr(info, text)


def hand_inline():
    """Hand-written parts, no sharedStrings.xml: inline strings only; the first sheet in
    tab order ("Responses") is stored as worksheets/data.xml and a second one as
    sheet1.xml; a row and cells without r; a formatting-only row; an _x000D_ escape."""
    rows = "\n".join([
        '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>score</t></is></c><c r="C1" t="inlineStr"><is><t>note</t></is></c></row>',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ann &amp; Bo</t></is></c><c r="B2"><v>3</v></c>'
        '<c r="C2" t="inlineStr"><is><r><t>two </t></r><r><rPr><b/></rPr><t xml:space="preserve">runs </t></r></is></c></row>',
        '<row r="3" spans="1:3" ht="20" customHeight="1"/>',
        '<row r="4"><c r="B4" s="2"/></row>',
        '<row r="5"><c t="inlineStr"><is><t>no refs</t></is></c><c><v>42</v></c>'
        '<c t="inlineStr"><is><t>line_x000D_break</t></is></c></row>',
        '<row><c r="C6" t="inlineStr"><is><t>only C</t></is></c></row>',
    ])
    notes = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row>')
    write_zip("hand_inline.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("xl/workbook.xml", workbook_xml([("Responses", "rId7"), ("Notes", "rId2")])),
        ("xl/_rels/workbook.xml.rels", rels_xml([("rId2", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId7", "worksheet", "/xl/worksheets/data.xml")])),
        ("xl/worksheets/sheet1.xml", notes),
        ("xl/worksheets/data.xml", sheet_xml(rows)),
    ])


def broken():
    """Damaged workbooks, one fault each."""
    with open(path("not_a_zip.xlsx"), "w") as text:
        text.write("ID,Start time,Completion time\n1,2024-01-01,2024-01-01\n")
    with open(path("microsoft_forms.xlsx"), "rb") as whole, open(path("truncated.xlsx"), "wb") as cut:
        data = whole.read()
        cut.write(data[: len(data) // 2])
    base = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS)]
    one_sheet = [("xl/workbook.xml", workbook_xml([("S", "rId1")])),
                 ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                          ("rId2", "sharedStrings", "sharedStrings.xml")]))]
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>')
    write_zip("bad_shared_index.xlsx", base + one_sheet + [
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet_xml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>\n'
                                               '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>5</v></c></row>')),
    ])
    # <row r="2"> on line 4 of the member is never closed: </sheetData> on line 5 is the error
    write_zip("malformed_sheet.xlsx", base + one_sheet + [
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>\n'
                                               '<row r="2"><c r="A2" t="s"><v>1</v></c>')),
    ])
    write_zip("no_worksheet.xlsx", base + [
        ("xl/workbook.xml", workbook_xml([("Chart1", "rId1")])),
        ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "chartsheet", "chartsheets/sheet1.xml")])),
        ("xl/chartsheets/sheet1.xml", "<chartsheet/>"),
    ])
    # stored, not deflated, so one changed byte leaves well-formed XML with a wrong checksum
    write_zip("bad_checksum.xlsx", base + one_sheet + [
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet_xml('<row r="1"><c r="A1"><v>1234</v></c></row>')),
    ], compression=zipfile.ZIP_STORED)
    with open(path("bad_checksum.xlsx"), "r+b") as damaged:
        data = damaged.read()
        at = data.index(b"<v>1234</v>") + 3
        damaged.seek(at)
        damaged.write(b"9")


if __name__ == "__main__":
    microsoft_forms()
    rich_1904()
    openpyxl_written()
    hand_inline()
    broken()
