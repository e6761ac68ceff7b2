import Score
import SurveyModel
import XLSXWriter

/// One block per survey item: its question, then a row per area (All areas last)
/// with % favorable, neutral and unfavorable, favorable against All areas, and
/// the number of valid answers behind them. Eight columns at any number of areas.
struct ItemsSheet {
    let report: ScoreReport
    let config: PipelineConfig

    static let columns = ["Question", "Item", "Area", "Favorable", "Neutral", "Unfavorable", "Favorable vs All areas", "n"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        let keys = report.areas.first?.items.map(\.key) ?? []
        let total = report.areas.first(where: \.isTotal)
        let areas = report.areas.filter { !$0.isTotal } + report.areas.filter(\.isTotal)
        let wording = ScaleWording(instrument: config.instrument)
        let title = wording.isDefault ? "agree or strongly agree; for waste items: never or rarely" : wording.favorable
        try writer.text(0, 0, "Answers by item and area, \(report.wave), % of valid answers (favorable: \(title))",
                        formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, 2])
        var row = 2
        for key in keys {
            try writer.text(row, 0, config.instrument.item(key)?.text ?? key, formats.labelWrapped)
            let reference = total?.items.first { $0.key == key }?.result
            for area in areas {
                guard let item = area.items.first(where: { $0.key == key })?.result else { continue }
                try writeRow(writer, row: row, key: key, area: area, item: item,
                             reference: area.isTotal ? nil : reference)
                row += 1
            }
        }
        writer.cap(0, 46)
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            try ConditionalRules.heatMap(writer, range: CellRange(2, 3, row - 1, 3))
            try ConditionalRules.diverging(writer, range: CellRange(2, 6, row - 1, 6), spread: 20)
        }
        try writer.finish(freezeRow: 2, freezeCol: 1, wrapColumns: [0])
    }

    private func writeRow(_ writer: SheetWriter, row: Int, key: String, area: AreaResult, item: ItemResult,
                          reference: ItemResult?) throws(XLSXError) {
        let formats = writer.formats
        let hidden = item.suppressed
        try writer.text(row, 1, key)
        try writer.text(row, 2, area.area, area.isTotal ? formats.label : nil)
        try writer.figure(row, 3, Figure(item.favorable, suppressed: hidden), formats.percent)
        try writer.figure(row, 4, Figure(item.neutral, suppressed: hidden), formats.percent)
        try writer.figure(row, 5, Figure(item.unfavorable, suppressed: hidden), formats.percent)
        if let reference, !reference.suppressed, let mine = item.favorable, let theirs = reference.favorable, !hidden {
            try writer.number(row, 6, mine - theirs, formats.signed)
        }
        try writer.count(row, 7, item.n)
    }
}
