import Score
import SurveyModel
import XLSXWriter

/// Every construct of every area in the report wave: n, mean, spread,
/// 95% interval and reliability (Cronbach's alpha).
struct AreasSheet {
    let report: ScoreReport
    let config: PipelineConfig

    static let columns = ["Area", "Construct", "Survey", "n", "Mean", "SD", "CI low", "CI high", "Alpha"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Construct scores by area, \(report.wave) (0–100; CI = 95% interval of the mean)",
                        formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, 2])
        var row = 2
        for area in report.areas {
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
                row += 1
            }
        }
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            try ConditionalRules.heatMap(writer, range: CellRange(2, 4, row - 1, 4))
        }
        try writer.finish(freezeRow: 2, freezeCol: 2)
    }
}
