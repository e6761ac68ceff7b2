import SurveyModel
import XLSXWriter

/// Every cell and conditional format the workbook uses, created once per workbook.
/// Scores, LMI and readiness use one decimal; shares are 0–100 numbers shown as
/// whole percents (`0"%"`), matching the JSON; "hidden" is grey italic text.
struct WorkbookFormats {
    /// The text written in place of a suppressed figure (SPEC §9).
    static let hiddenMarker = "hidden"

    static let grey: Color = 0x808080
    static let green: Color = 0x2E7D32
    static let amber: Color = 0xF0A30A
    static let red: Color = 0xC62828
    static let blue: Color = 0x1F4E79
    static let heatLow: Color = 0xF8696B
    static let heatMid: Color = 0xFFEB84
    static let heatHigh: Color = 0x63BE7B
    static let divergingLow: Color = 0xF4A582
    static let divergingMid: Color = 0xF7F7F7
    static let divergingHigh: Color = 0x92C5DE
    /// The fill of a faded win on the Trends sheet.
    static let faded: Color = 0xF8CBAD
    /// Distinct series colours for charts with one series per area.
    static let palette: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22, 0x7F7F7F,
    ]

    let title: XLSXFormat
    let section: XLSXFormat
    let note: XLSXFormat
    let header: XLSXFormat
    let headerRight: XLSXFormat
    let text: XLSXFormat
    /// Unindented text for lines above a table.
    let plain: XLSXFormat
    let label: XLSXFormat
    let labelWrapped: XLSXFormat
    let wrapped: XLSXFormat
    let score: XLSXFormat
    let signed: XLSXFormat
    let percent: XLSXFormat
    let count: XLSXFormat
    let correlation: XLSXFormat
    let hidden: XLSXFormat
    let boolean: XLSXFormat
    let fadedScore: XLSXFormat
    let fadedSigned: XLSXFormat
    /// Conditional-format fills for the readiness bands, best first (green, amber, red).
    let bandGood: XLSXFormat
    let bandMiddle: XLSXFormat
    let bandLow: XLSXFormat

    init(_ workbook: XLSXWorkbook) throws(XLSXError) {
        let headerFill: Color = 0xDCE6F1
        let headerBorder = Border(.thin, color: 0x8EA9C1)
        title = try workbook.addFormat(CellStyle(bold: true, fontColor: Self.blue, fontSize: 16))
        section = try workbook.addFormat(CellStyle(bold: true, fontColor: Self.blue, fontSize: 12))
        note = try workbook.addFormat(CellStyle(italic: true, fontColor: 0x595959))
        header = try workbook.addFormat(CellStyle(bold: true, vertical: .top, indent: 1, wrapsText: true,
                                                  fill: headerFill, bottomBorder: headerBorder))
        headerRight = try workbook.addFormat(CellStyle(bold: true, horizontal: .right, vertical: .top,
                                                       wrapsText: true, fill: headerFill, bottomBorder: headerBorder))
        text = try workbook.addFormat(CellStyle(vertical: .top, indent: 1))
        plain = try workbook.addFormat(CellStyle(vertical: .top))
        label = try workbook.addFormat(CellStyle(bold: true, vertical: .top, indent: 1))
        labelWrapped = try workbook.addFormat(CellStyle(bold: true, vertical: .top, indent: 1, wrapsText: true))
        wrapped = try workbook.addFormat(CellStyle(vertical: .top, indent: 1, wrapsText: true))
        score = try workbook.addFormat(CellStyle(numberFormat: "0.0", vertical: .top))
        signed = try workbook.addFormat(CellStyle(numberFormat: "+0.0;-0.0;0.0", vertical: .top))
        percent = try workbook.addFormat(CellStyle(numberFormat: "0\"%\"", vertical: .top))
        count = try workbook.addFormat(CellStyle(numberFormat: "#,##0", vertical: .top))
        correlation = try workbook.addFormat(CellStyle(numberFormat: "0.00", vertical: .top))
        hidden = try workbook.addFormat(CellStyle(italic: true, fontColor: Self.grey, horizontal: .right,
                                                  vertical: .top))
        boolean = try workbook.addFormat(CellStyle(horizontal: .center, vertical: .top))
        fadedScore = try workbook.addFormat(CellStyle(bold: true, numberFormat: "0.0", vertical: .top,
                                                      fill: Self.faded))
        fadedSigned = try workbook.addFormat(CellStyle(bold: true, numberFormat: "+0.0;-0.0;0.0", vertical: .top,
                                                       fill: Self.faded))
        bandGood = try workbook.addFormat(CellStyle(fontColor: 0x006100, fill: 0xC6EFCE))
        bandMiddle = try workbook.addFormat(CellStyle(fontColor: 0x9C5700, fill: 0xFFEB9C))
        bandLow = try workbook.addFormat(CellStyle(fontColor: 0x9C0006, fill: 0xFFC7CE))
    }

    /// The conditional fill of the band at `index` among `count` configured bands (last = lowest).
    func bandFill(index: Int, count: Int) -> XLSXFormat {
        if index == 0 { return bandGood }
        return index >= count - 1 ? bandLow : bandMiddle
    }

    /// The chart colour matching `bandFill`.
    static func bandColor(index: Int, count: Int) -> Color {
        if index == 0 { return green }
        return index >= count - 1 ? red : amber
    }
}
