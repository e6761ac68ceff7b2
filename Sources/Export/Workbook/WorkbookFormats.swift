import SurveyModel
import XLSXWriter

/// Every cell and conditional format the workbook uses, created once per workbook.
/// Scores, LMI and readiness use one decimal; shares are 0–100 numbers shown as
/// whole percents (`0"%"`), matching the JSON; "hidden" is grey italic text.
/// Signed figures show `0.0` (never `-0.0`) for values that round to zero.
struct WorkbookFormats {
    /// The text written in place of a suppressed figure (SPEC §9).
    static let hiddenMarker = "hidden"

    static let grey: Color = 0x808080
    static let red: Color = 0xC62828
    static let blue: Color = 0x1F4E79
    static let divergingLow: Color = 0xF4A582
    static let divergingMid: Color = 0xF7F7F7
    static let divergingHigh: Color = 0x92C5DE
    /// The fill of a faded win on the Trends sheet.
    static let faded: Color = 0xF8CBAD
    /// The first series colours for charts with one series per area (Tableau 20, strong shades first).
    static let basePalette: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22, 0x7F7F7F,
        0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5, 0xC49C94, 0xF7B6D2, 0x9EDAE5, 0xDBDB8D, 0x393B79,
    ]
    /// A sign-aware one-decimal format: `+1.2`, `-1.2`, and `0.0` for anything that rounds to zero.
    static let signedFormat = "[>=0.05]+0.0;[<=-0.05]-0.0;0.0"
    /// Two decimals for correlations, `0.00` (never `-0.00`) for anything that rounds to zero.
    static let correlationFormat = "[>=0.005]0.00;[<=-0.005]-0.00;0.00"
    /// A change since the previous wave: `▲ +1.2`, `▼ -1.2`, `= 0.0`.
    static let changeFormat = "[>=0.05]\"▲ +\"0.0;[<=-0.05]\"▼ -\"0.0;\"= \"0.0"
    /// The same, marked `*` when a figure behind it changed significantly (SPEC §5.2).
    static let markedChangeFormat = "[>=0.05]\"▲ +\"0.0\"*\";[<=-0.05]\"▼ -\"0.0\"*\";\"= \"0.0\"*\""
    /// A p-value: three decimals, `< 0.001` below that.
    static let pValueFormat = "[<0.001]\"< 0.001\";0.000"

    /// `count` distinct colours: the base palette, then hues spread round the colour wheel at
    /// alternating lightness, skipping any colour already taken.
    static func palette(count: Int) -> [Color] {
        var colors = Array(basePalette.prefix(count))
        var taken = Set(colors.map(\.rgb))
        var step = 0
        while colors.count < count {
            let hue = Double(step).truncatingRemainder(dividingBy: 37) / 37 * 360
            let lightness = [0.38, 0.55, 0.68][(step / 37) % 3]
            let color = hsl(hue: hue, saturation: 0.65, lightness: lightness, nudge: step / 111)
            if taken.insert(color.rgb).inserted { colors.append(color) }
            step += 1
        }
        return colors
    }

    /// An HSL colour as RGB; `nudge` shifts the blue channel so later rounds stay distinct.
    private static func hsl(hue: Double, saturation: Double, lightness: Double, nudge: Int) -> Color {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let sector = hue / 60
        let x = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch Int(sector) {
        case 0: (chroma, x, 0)
        case 1: (x, chroma, 0)
        case 2: (0, chroma, x)
        case 3: (0, x, chroma)
        case 4: (x, 0, chroma)
        default: (chroma, 0, x)
        }
        let m = lightness - chroma / 2
        let channel = { (value: Double) -> UInt32 in UInt32(max(0, min(255, ((value + m) * 255).rounded()))) }
        let blue = (channel(b) + UInt32(nudge % 200)) % 256
        return Color(rgb: channel(r) << 16 | channel(g) << 8 | blue)
    }

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
    let change: XLSXFormat
    let markedChange: XLSXFormat
    /// Bold grey text for a marked change cell without a readiness change to show.
    let markedNote: XLSXFormat
    let pValue: XLSXFormat
    /// The grey of a change that rounds to zero (a conditional format).
    let unchanged: XLSXFormat
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
        signed = try workbook.addFormat(CellStyle(numberFormat: Self.signedFormat, vertical: .top))
        change = try workbook.addFormat(CellStyle(numberFormat: Self.changeFormat, horizontal: .right, vertical: .top))
        markedChange = try workbook.addFormat(CellStyle(bold: true, numberFormat: Self.markedChangeFormat,
                                                        horizontal: .right, vertical: .top))
        markedNote = try workbook.addFormat(CellStyle(bold: true, fontColor: Self.grey, horizontal: .right,
                                                      vertical: .top))
        pValue = try workbook.addFormat(CellStyle(numberFormat: Self.pValueFormat, vertical: .top))
        unchanged = try workbook.addFormat(CellStyle(fontColor: Self.grey))
        percent = try workbook.addFormat(CellStyle(numberFormat: "0\"%\"", vertical: .top))
        count = try workbook.addFormat(CellStyle(numberFormat: "#,##0", vertical: .top))
        correlation = try workbook.addFormat(CellStyle(numberFormat: Self.correlationFormat, vertical: .top))
        hidden = try workbook.addFormat(CellStyle(italic: true, fontColor: Self.grey, horizontal: .right,
                                                  vertical: .top))
        boolean = try workbook.addFormat(CellStyle(horizontal: .center, vertical: .top))
        fadedScore = try workbook.addFormat(CellStyle(bold: true, numberFormat: "0.0", vertical: .top,
                                                      fill: Self.faded))
        fadedSigned = try workbook.addFormat(CellStyle(bold: true, numberFormat: Self.signedFormat, vertical: .top,
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

    /// The bar colour of a band in the readiness chart (light enough for a dark label on it).
    static func barColor(index: Int, count: Int) -> Color {
        if index == 0 { return 0x81C784 }
        return index >= count - 1 ? 0xE57373 : 0xFFD54F
    }

    /// All areas' bar and marker in the Summary charts.
    static let totalBar: Color = 0xBDBDBD
    static let totalMarker: Color = 0x404040
    /// The lines of areas that are not highlighted in a chart.
    static let fadedLine: Color = 0xC8C8C8
}
