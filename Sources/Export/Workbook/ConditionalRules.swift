import SurveyModel
import XLSXWriter

/// The conditional formats of the workbook: readiness band fills and colour scales.
/// Rules hold only our own formulas over cell references, never input text.
enum ConditionalRules {
    /// Colours `range` by the readiness band of the number in `readinessCol` on the same row.
    /// Text cells (the "hidden" marker) and empty cells are left alone (`ISNUMBER`).
    static func bands(_ writer: SheetWriter, range: CellRange, readinessCol: Int,
                      bands: [Band]) throws(XLSXError) {
        let cell = "$" + CellRange.columnLetters(readinessCol) + String(range.firstRow + 1)
        let count = bands.count + 1
        for index in 0..<count {
            var tests = ["ISNUMBER(\(cell))"]
            if index < bands.count { tests.append("\(cell)>=\(literal(bands[index].min))") }
            if index > 0 { tests.append("\(cell)<\(literal(bands[index - 1].min))") }
            let formula = "AND(" + tests.joined(separator: ",") + ")"
            try formulaRule(writer, range: range, formula: formula, format: writer.formats.bandFill(index: index, count: count))
        }
    }

    /// A rule that applies `format` where `formula` (relative to the range's top-left cell) is true.
    static func formulaRule(_ writer: SheetWriter, range: CellRange, formula: String,
                            format: XLSXFormat) throws(XLSXError) {
        try writer.sheet.conditionalFormat(range, .formula(formula, format: format))
    }

    /// A three-colour scale anchored at fixed numbers, so colours mean the same in every area.
    static func colorScale(_ writer: SheetWriter, range: CellRange, low: Double, mid: Double, high: Double,
                           colors: (Color, Color, Color)) throws(XLSXError) {
        guard range.lastRow >= range.firstRow, range.lastCol >= range.firstCol else { return }
        try writer.sheet.conditionalFormat(range, .threeColorScale(low: ScalePoint(low, colors.0),
                                                                   mid: ScalePoint(mid, colors.1),
                                                                   high: ScalePoint(high, colors.2)))
    }

    /// Red–yellow–green for 0–100 scores and % favorable.
    static func heatMap(_ writer: SheetWriter, range: CellRange, low: Double = 40, mid: Double = 60,
                        high: Double = 80) throws(XLSXError) {
        try colorScale(writer, range: range, low: low, mid: mid, high: high,
                       colors: (WorkbookFormats.heatLow, WorkbookFormats.heatMid, WorkbookFormats.heatHigh))
    }

    /// Orange–white–blue around zero for signed figures such as LMI.
    static func diverging(_ writer: SheetWriter, range: CellRange, spread: Double) throws(XLSXError) {
        try colorScale(writer, range: range, low: -spread, mid: 0, high: spread,
                       colors: (WorkbookFormats.divergingLow, WorkbookFormats.divergingMid,
                                WorkbookFormats.divergingHigh))
    }

    /// A number as a formula literal, independent of locale.
    static func literal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
