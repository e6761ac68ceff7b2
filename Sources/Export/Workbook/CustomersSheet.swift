import Foundation
import Score
import SurveyModel
import XLSXWriter

/// The customer view: NPS with its interval and promoter / passive / detractor
/// shares per area (NPS by segment and by channel are on the breakdown sheets).
struct CustomersSheet {
    let report: ScoreReport
    /// False when the run had no customer survey (SPEC §3.7): the sheet says so.
    var surveyPresent = true

    static let figures = ["NPS n", "NPS", "NPS low", "NPS high", "Promoters", "Passives", "Detractors"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, surveyPresent
            ? "Customers, \(report.wave): NPS = % promoters (9–10) − % detractors (0–6), with its 95% interval"
            : "Customers, \(report.wave): no customer survey in this run", formats.section, measure: false)
        try writer.header(1, 0, ["Area", "Customer n"] + Self.figures)
        var row = 2
        for area in report.areas {
            try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
            try writer.count(row, 1, area.customerN)
            try writeNPS(writer, row: row, col: 2, area.nps)
            row += 1
        }
        let areaRows = CellRange(2, 3, row - 1, 3)
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, 1 + Self.figures.count))
            try ConditionalRules.diverging(writer, range: areaRows, spread: 50)
        }
        try writer.finish(freezeRow: 2, freezeCol: 1)
    }

    private func writeNPS(_ writer: SheetWriter, row: Int, col: Int, _ nps: NPSResult) throws(XLSXError) {
        let formats = writer.formats
        let hidden = nps.suppressed
        try writer.count(row, col, nps.n)
        try writer.figure(row, col + 1, Figure(nps.score, suppressed: hidden), formats.signed)
        try writer.figure(row, col + 2, Figure(nps.ciLow, suppressed: hidden), formats.signed)
        try writer.figure(row, col + 3, Figure(nps.ciHigh, suppressed: hidden), formats.signed)
        try writer.figure(row, col + 4, Figure(nps.promoters, suppressed: hidden), formats.percent)
        try writer.figure(row, col + 5, Figure(nps.passives, suppressed: hidden), formats.percent)
        try writer.figure(row, col + 6, Figure(nps.detractors, suppressed: hidden), formats.percent)
    }
}
