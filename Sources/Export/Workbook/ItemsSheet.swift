import Score
import SurveyModel
import XLSXWriter

/// One row per survey item: % favorable per area as a heat map, and beside it
/// the number of valid answers behind each figure.
struct ItemsSheet {
    let report: ScoreReport
    let config: PipelineConfig

    /// Areas shown: two columns each (% and n) must fit Excel's 16,384 columns beside the
    /// three others; with more areas the first ones and All areas are shown (the JSON has all).
    static let maxAreas = (16_384 - 3) / 2

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        let areas = report.areas.count <= Self.maxAreas ? report.areas
            : Array(report.areas.prefix(Self.maxAreas - 1)) + report.areas.filter(\.isTotal)
        let keys = areas.first?.items.map(\.key) ?? []
        let nStart = 2 + areas.count + 1
        let shown = areas.count < report.areas.count
            ? "; the first \(areas.count - 1) of \(report.areas.count - 1) areas, every area is in the JSON" : ""
        let wording = ScaleWording(instrument: config.instrument)
        let title = wording.isDefault ? "agree or strongly agree; for waste items: never or rarely" : wording.favorable
        try writer.text(0, 0, "% favorable by item and area, \(report.wave) (\(title)\(shown))", formats.section,
                        measure: false)
        try writer.header(1, 0, ["Question", "Item"] + areas.map(\.area), textColumns: [0, 1])
        try writer.header(1, nStart, areas.map { "n \($0.area)" }, textColumns: [])
        for (offset, key) in keys.enumerated() {
            let row = 2 + offset
            try writer.text(row, 0, config.instrument.item(key)?.text ?? key, formats.wrapped)
            try writer.text(row, 1, key)
            for (col, area) in areas.enumerated() {
                guard let item = area.items.first(where: { $0.key == key })?.result else { continue }
                try writer.figure(row, 2 + col, Figure(item.favorable, suppressed: item.suppressed), formats.percent)
                try writer.count(row, nStart + col, item.n)
            }
        }
        writer.cap(0, 64)
        if !keys.isEmpty && !areas.isEmpty {
            let lastRow = 1 + keys.count
            try writer.sheet.autofilter(CellRange(1, 0, lastRow, 1 + areas.count))
            try ConditionalRules.heatMap(writer, range: CellRange(2, 2, lastRow, 1 + areas.count))
        }
        try writer.finish(freezeRow: 2, freezeCol: 2, wrapColumns: [0])
    }
}
