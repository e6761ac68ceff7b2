#!/usr/bin/env python3
"""Writes a Microsoft-Forms-shaped benchmark workbook: ROWS data rows x 30 columns
(ID, Start time, Completion time as serial dates, Email, Name, 24 answers, Comments).

Usage: generate.py OUT.xlsx [ROWS]   (default 1,000,000)

The XML parts are written by hand and zipped as they are produced (zipfile, deflate,
ZIP64), so the generator's own memory stays small. Strings are shared, as Excel
saves them: the header, 5 answer labels, 3 names, and one unique comment per row
(the worst case for the shared-string table). Half the answers are labels, half
numbers 0-10; row n's values depend only on n.
"""
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
LABELS = ["Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree"]
NAMES = ["anonymous", "Ann Example", "Bo Example"]
ANSWERS = 24


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    header = (["ID", "Start time", "Completion time", "Email", "Name"]
              + [f"Q{i + 1}" for i in range(ANSWERS)] + ["Comments"])
    fixed = header + LABELS + NAMES
    index = {text: i for i, text in enumerate(fixed)}
    cols = [column_name(i) for i in range(len(header))]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                         'ContentType="application/xml"/></Types>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                         f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                         '<sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f'<Relationships xmlns="{PKG}">'
                         f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                         f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                         '</Relationships>')
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as sst:
            sst.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN}">'.encode())
            sst.write("".join(f"<si><t>{t}</t></si>" for t in fixed).encode())
            chunk = []
            for n in range(1, rows + 1):
                chunk.append(f"<si><t>Comment {n}: the new process is clearer, but we need more time to learn it.</t></si>")
                if len(chunk) == 10_000:
                    sst.write("".join(chunk).encode())
                    chunk = []
            sst.write(("".join(chunk) + "</sst>").encode())
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            sheet.write(('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate(cols))
                         + "</row>").encode())
            chunk = []
            comments = len(fixed)
            for n in range(1, rows + 1):
                r = n + 1
                start = 45292 + (n % 366) + (n % 86400) / 86400
                cells = [f'<c r="A{r}"><v>{n}</v></c>',
                         f'<c r="B{r}" s="1"><v>{start!r}</v></c>',
                         f'<c r="C{r}" s="1"><v>{start + 0.004!r}</v></c>',
                         f'<c r="D{r}" t="s"><v>{index[NAMES[0]]}</v></c>',
                         f'<c r="E{r}" t="s"><v>{index[NAMES[n % 3]]}</v></c>']
                for q in range(ANSWERS):
                    col = cols[5 + q]
                    if q % 2 == 0:
                        cells.append(f'<c r="{col}{r}" t="s"><v>{index[LABELS[(n + q) % 5]]}</v></c>')
                    else:
                        cells.append(f'<c r="{col}{r}"><v>{(n * 7 + q) % 11}</v></c>')
                cells.append(f'<c r="{cols[-1]}{r}" t="s"><v>{comments + n - 1}</v></c>')
                chunk.append(f'<row r="{r}" spans="1:30">' + "".join(cells) + "</row>")
                if len(chunk) == 5_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())


if __name__ == "__main__":
    main()
