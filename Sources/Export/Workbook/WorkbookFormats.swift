import SurveyModel

/// Every cell and conditional format the workbook uses, created once per workbook.
/// Scores, LMI and readiness use one decimal; shares are 0–100 numbers shown as
/// whole percents (`0"%"`), matching the JSON; "hidden" is grey italic text.
struct WorkbookFormats {
    /// The text written in place of a suppressed figure (SPEC §9).
    static let hiddenMarker = "hidden"

    static let grey: UInt32 = 0x808080
    static let green: UInt32 = 0x2E7D32
    static let amber: UInt32 = 0xF0A30A
    static let red: UInt32 = 0xC62828
    static let blue: UInt32 = 0x1F4E79
    static let heatLow: UInt32 = 0xF8696B
    static let heatMid: UInt32 = 0xFFEB84
    static let heatHigh: UInt32 = 0x63BE7B
    static let divergingLow: UInt32 = 0xF4A582
    static let divergingMid: UInt32 = 0xF7F7F7
    static let divergingHigh: UInt32 = 0x92C5DE
    /// Distinct series colours for charts with one series per area.
    static let palette: [UInt32] = [
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

    init(_ workbook: XLSXWorkbook) throws(PipelineError) {
        title = try workbook.addFormat { $0.bold(); $0.fontSize(16); $0.fontColor(Self.blue) }
        section = try workbook.addFormat { $0.bold(); $0.fontSize(12); $0.fontColor(Self.blue) }
        note = try workbook.addFormat { $0.italic(); $0.fontColor(0x595959) }
        header = try workbook.addFormat {
            $0.bold(); $0.wrap(); $0.alignTop(); $0.indent(); $0.fill(0xDCE6F1); $0.bottomBorder(0x8EA9C1)
        }
        headerRight = try workbook.addFormat {
            $0.bold(); $0.wrap(); $0.alignTop(); $0.alignRight(); $0.fill(0xDCE6F1); $0.bottomBorder(0x8EA9C1)
        }
        text = try workbook.addFormat { $0.alignTop(); $0.indent() }
        plain = try workbook.addFormat { $0.alignTop() }
        label = try workbook.addFormat { $0.bold(); $0.alignTop(); $0.indent() }
        labelWrapped = try workbook.addFormat { $0.bold(); $0.wrap(); $0.alignTop(); $0.indent() }
        wrapped = try workbook.addFormat { $0.wrap(); $0.alignTop(); $0.indent() }
        score = try workbook.addFormat { $0.numberFormat("0.0"); $0.alignTop() }
        signed = try workbook.addFormat { $0.numberFormat("+0.0;-0.0;0.0"); $0.alignTop() }
        percent = try workbook.addFormat { $0.numberFormat("0\"%\""); $0.alignTop() }
        count = try workbook.addFormat { $0.numberFormat("#,##0"); $0.alignTop() }
        correlation = try workbook.addFormat { $0.numberFormat("0.00"); $0.alignTop() }
        hidden = try workbook.addFormat { $0.italic(); $0.fontColor(Self.grey); $0.alignRight(); $0.alignTop() }
        boolean = try workbook.addFormat { $0.alignCenter(); $0.alignTop() }
        fadedScore = try workbook.addFormat { $0.numberFormat("0.0"); $0.fill(0xF8CBAD); $0.bold(); $0.alignTop() }
        fadedSigned = try workbook.addFormat {
            $0.numberFormat("+0.0;-0.0;0.0"); $0.fill(0xF8CBAD); $0.bold(); $0.alignTop()
        }
        bandGood = try workbook.addFormat { $0.fill(0xC6EFCE); $0.fontColor(0x006100) }
        bandMiddle = try workbook.addFormat { $0.fill(0xFFEB9C); $0.fontColor(0x9C5700) }
        bandLow = try workbook.addFormat { $0.fill(0xFFC7CE); $0.fontColor(0x9C0006) }
    }

    /// The conditional fill of the band at `index` among `count` configured bands (last = lowest).
    func bandFill(index: Int, count: Int) -> XLSXFormat {
        if index == 0 { return bandGood }
        return index >= count - 1 ? bandLow : bandMiddle
    }

    /// The chart colour matching `bandFill`.
    static func bandColor(index: Int, count: Int) -> UInt32 {
        if index == 0 { return green }
        return index >= count - 1 ? red : amber
    }
}
