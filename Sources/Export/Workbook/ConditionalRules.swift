import CXLSXWriter
import Foundation
import SurveyModel

/// The conditional formats of the workbook: readiness band fills and colour scales.
/// Rules hold only our own formulas over cell references, never input text.
enum ConditionalRules {
    /// Colours `range` by the readiness band of the number in `readinessCol` on the same row.
    /// Text cells (the "hidden" marker) and empty cells are left alone (`ISNUMBER`).
    static func bands(_ writer: SheetWriter, range: CellRange, readinessCol: Int,
                      bands: [Band]) throws(PipelineError) {
        let cell = "$" + XLSXSheet.columnLetters(readinessCol) + String(range.firstRow + 1)
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
                            format: XLSXFormat) throws(PipelineError) {
        let text = duplicateCString(formula)
        defer { free(text) }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        rule.value_string = text
        rule.format = format.handle
        try writer.sheet.conditionalFormat(range, &rule)
    }

    /// A three-colour scale anchored at fixed numbers, so colours mean the same in every area.
    static func colorScale(_ writer: SheetWriter, range: CellRange, low: Double, mid: Double, high: Double,
                           colors: (UInt32, UInt32, UInt32)) throws(PipelineError) {
        guard range.lastRow >= range.firstRow, range.lastCol >= range.firstCol else { return }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        rule.min_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
        rule.mid_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
        rule.max_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
        rule.min_value = low
        rule.mid_value = mid
        rule.max_value = high
        rule.min_color = colors.0
        rule.mid_color = colors.1
        rule.max_color = colors.2
        try writer.sheet.conditionalFormat(range, &rule)
    }

    /// Red–yellow–green for 0–100 scores and % favorable.
    static func heatMap(_ writer: SheetWriter, range: CellRange, low: Double = 40, mid: Double = 60,
                        high: Double = 80) throws(PipelineError) {
        try colorScale(writer, range: range, low: low, mid: mid, high: high,
                       colors: (WorkbookFormats.heatLow, WorkbookFormats.heatMid, WorkbookFormats.heatHigh))
    }

    /// Orange–white–blue around zero for signed figures such as LMI.
    static func diverging(_ writer: SheetWriter, range: CellRange, spread: Double) throws(PipelineError) {
        try colorScale(writer, range: range, low: -spread, mid: 0, high: spread,
                       colors: (WorkbookFormats.divergingLow, WorkbookFormats.divergingMid,
                                WorkbookFormats.divergingHigh))
    }

    /// A number as a formula literal, independent of locale.
    static func literal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
