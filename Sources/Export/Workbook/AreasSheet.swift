import Score
import SurveyModel
import XLSXWriter

/// Every construct of every area in the report wave, then its eNPS and NPS: n, mean (the
/// score for eNPS / NPS), spread, 95% interval and reliability (Cronbach's alpha), and the
/// change against the previous wave with its p-value and significance (SPEC §5.2).
struct AreasSheet {
    let report: ScoreReport
    let config: PipelineConfig

    static let columns = ["Area", "Construct", "Survey", "n", "Mean / score", "SD", "CI low", "CI high", "Alpha", "Change",
                          "p-value", "Significant"]
    static let changeCol = 9

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Construct scores by area, \(report.wave) (0–100; eNPS and NPS −100 to 100; CI = 95% "
                        + "interval; change, p-value and significance against the previous wave)",
                        formats.section, measure: false)
        var titles = Self.columns
        if let previous = report.previousWave { titles[Self.changeCol] = "Change since \(previous)" }
        try writer.header(1, 0, titles, textColumns: [0, 1, 2, Self.columns.count - 1])
        var row = 2
        for area in report.areas {
            let changes = Dictionary(area.changes.map { ($0.key, $0.change) }, uniquingKeysWith: { first, _ in first })
            let first = row
            for (name, result) in area.constructs {
                let construct = config.instrument.constructs.first { $0.name == name }
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 1, construct?.label ?? name)
                try writer.text(row, 2, construct?.survey.rawValue)
                try writer.count(row, 3, result.n)
                let hidden = result.suppressed
                try writer.figure(row, 4, Figure(result.mean, suppressed: hidden), formats.score)
                try writer.figure(row, 5, Figure(result.sd, suppressed: hidden), formats.score)
                try writer.figure(row, 6, Figure(result.ciLow, suppressed: hidden), formats.score)
                try writer.figure(row, 7, Figure(result.ciHigh, suppressed: hidden), formats.score)
                try writer.figure(row, 8, Figure(result.alpha, suppressed: hidden), formats.correlation)
                try writeChange(writer, row: row, changes[name] ?? nil)
                row += 1
            }
            if row > first {
                try ConditionalRules.heatMap(writer, range: CellRange(first, 4, row - 1, 4))
            }
            // The keys of eNPS and NPS among the changes (SPEC §8.1).
            for (key, label, survey, result) in [("enps", "eNPS", SurveyKind.employee, area.enps),
                                                 ("nps", "NPS", SurveyKind.customer, area.nps)] {
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 1, label)
                try writer.text(row, 2, survey.rawValue)
                try writer.count(row, 3, result.n)
                try writer.figure(row, 4, Figure(result.score, suppressed: result.suppressed), formats.signed)
                try writer.figure(row, 6, Figure(result.ciLow, suppressed: result.suppressed), formats.signed)
                try writer.figure(row, 7, Figure(result.ciHigh, suppressed: result.suppressed), formats.signed)
                try writeChange(writer, row: row, changes[key] ?? nil)
                row += 1
            }
        }
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            try ConditionalRules.direction(writer, range: CellRange(2, Self.changeCol, row - 1, Self.changeCol))
        }
        try writer.finish(freezeRow: 2, freezeCol: 2)
    }

    /// Delta (▲ / ▼), p-value and "yes" (bold) / "no"; empty when there is no comparison.
    private func writeChange(_ writer: SheetWriter, row: Int, _ change: Change?) throws(XLSXError) {
        guard let change else { return }
        try writer.number(row, Self.changeCol, change.delta, writer.formats.change)
        try writer.number(row, Self.changeCol + 1, change.pValue, writer.formats.pValue)
        try writer.text(row, Self.changeCol + 2, change.significant ? "yes" : "no",
                        change.significant ? writer.formats.label : nil)
    }
}
