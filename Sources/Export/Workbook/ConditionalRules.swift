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
        try bandRules(writer, range: range, cell: cell, bands: bands)
    }

    /// One fill rule per band for the number in `cell` (a reference relative to the range's top-left).
    private static func bandRules(_ writer: SheetWriter, range: CellRange, cell: String,
                                  bands: [Band]) throws(XLSXError) {
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

    /// Red, amber and green fills for 0–100 scores and % favorable, breaking at the readiness
    /// band thresholds (default 60 and 75), so a cell's colour matches the band of its number.
    static func heatMap(_ writer: SheetWriter, range: CellRange) throws(XLSXError) {
        guard range.lastRow >= range.firstRow, range.lastCol >= range.firstCol else { return }
        try bandRules(writer, range: range, cell: range.topLeftA1, bands: writer.context.bands)
    }

    /// Green where a change is up and red where it is down by at least the 0.05 that shows as 0.1,
    /// grey where it rounds to no change.
    static func direction(_ writer: SheetWriter, range: CellRange) throws(XLSXError) {
        let cell = range.topLeftA1
        try formulaRule(writer, range: range, formula: "AND(ISNUMBER(\(cell)),ABS(\(cell))<0.05)",
                        format: writer.formats.unchanged)
        try formulaRule(writer, range: range, formula: "AND(ISNUMBER(\(cell)),\(cell)>=0.05)",
                        format: writer.formats.bandGood)
        try formulaRule(writer, range: range, formula: "AND(ISNUMBER(\(cell)),\(cell)<=-0.05)",
                        format: writer.formats.bandLow)
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
