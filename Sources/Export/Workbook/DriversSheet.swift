import Score
import SurveyModel
import XLSXWriter

/// What to do differently: per area, every driver item's pull on employee
/// life (impact), its current mean, and the priority that ranks them, each item
/// named by its action words (the chart of All areas' priorities is on the Summary).
struct DriversSheet {
    let report: ScoreReport
    let config: PipelineConfig

    static let columns = ["Area", "Action", "Question", "n", "Impact (r)", "Mean", "Priority", "Top three"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Drivers of employee life, \(report.wave): impact = correlation with employee life; "
            + "priority = impact × room to improve (100 − mean)", formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, 2, 7])
        var row = 2
        for area in report.areas {
            guard let drivers = area.allDrivers, !drivers.isEmpty else {
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 2, "No drivers: employee life not shown, fewer than \(config.scoring.minDriverN) "
                    + "answers to an item, or no variation", formats.note)
                row += 1
                continue
            }
            let top = Set((area.drivers ?? []).map(\.item))
            for driver in drivers {
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 1, action(driver.item))
                try writer.text(row, 2, config.instrument.item(driver.item)?.text ?? driver.item, formats.wrapped)
                try writer.count(row, 3, driver.n)
                try writer.number(row, 4, driver.impact, formats.correlation)
                try writer.number(row, 5, driver.mean, formats.score)
                try writer.number(row, 6, driver.priority, formats.score)
                try writer.text(row, 7, top.contains(driver.item) ? "yes" : nil)
                row += 1
            }
        }
        writer.cap(1, 36)
        writer.cap(2, 64)
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            try ConditionalRules.diverging(writer, range: CellRange(2, 4, row - 1, 4), spread: 0.6)
            try ConditionalRules.heatMap(writer, range: CellRange(2, 5, row - 1, 5))
            try ConditionalRules.colorScale(writer, range: CellRange(2, 6, row - 1, 6), low: 0, mid: 10, high: 25,
                                            colors: (0xFFFFFF, 0xFFEB84, 0xF8696B))
        }
        try writer.finish(freezeRow: 2, freezeCol: 2, wrapColumns: [1, 2])
    }

    /// The item's action words ("Cut waiting for parts"), its text when it has none.
    private func action(_ item: String) -> String {
        config.instrument.item(item)?.actionText ?? item
    }
}
