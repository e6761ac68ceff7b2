import Score
import SurveyModel
import XLSXWriter

/// What to do differently: per area, every driver item's pull on employee
/// life (impact), its current mean, and the priority that ranks them; plus a
/// chart of priority against impact for All areas.
struct DriversSheet {
    let report: ScoreReport
    let config: PipelineConfig
    let workbook: XLSXWorkbook

    static let columns = ["Area", "Item", "Question", "n", "Impact (r)", "Mean", "Priority", "Top three"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Drivers of employee life, \(report.wave): impact = correlation with employee life; "
            + "priority = impact × room to improve (100 − mean)", formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, 2, 7])
        var row = 2
        var totalRows: ClosedRange<Int>?
        var totalDrivers: [Driver] = []
        for area in report.areas {
            guard let drivers = area.allDrivers, !drivers.isEmpty else {
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 2, "No drivers: employee life not shown, fewer than \(config.scoring.minDriverN) "
                    + "answers to an item, or no variation", formats.note)
                row += 1
                continue
            }
            let top = Set((area.drivers ?? []).map(\.item))
            let first = row
            for driver in drivers {
                try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
                try writer.text(row, 1, driver.item)
                try writer.text(row, 2, config.instrument.item(driver.item)?.text ?? driver.item, formats.wrapped)
                try writer.count(row, 3, driver.n)
                try writer.number(row, 4, driver.impact, formats.correlation)
                try writer.number(row, 5, driver.mean, formats.score)
                try writer.number(row, 6, driver.priority, formats.score)
                try writer.text(row, 7, top.contains(driver.item) ? "yes" : nil)
                row += 1
            }
            if area.isTotal { totalRows = first...(row - 1); totalDrivers = drivers }
        }
        writer.cap(2, 64)
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            try ConditionalRules.diverging(writer, range: CellRange(2, 4, row - 1, 4), spread: 0.6)
            try ConditionalRules.heatMap(writer, range: CellRange(2, 5, row - 1, 5))
            try ConditionalRules.colorScale(writer, range: CellRange(2, 6, row - 1, 6), low: 0, mid: 10, high: 25,
                                            colors: (0xFFFFFF, 0xFFEB84, 0xF8696B))
        }
        try writer.finish(freezeRow: 2, freezeCol: 2, wrapColumns: [2])
        if let totalRows {
            let top = Set(report.areas.first { $0.isTotal }?.drivers?.map(\.item) ?? [])
            let chart = try chart(writer.name, rows: totalRows, drivers: totalDrivers, top: top)
            try writer.insertChart(chart, row: 1,
                                         col: Self.columns.count + 1, xScale: 1.4, yScale: 1.6)
        }
    }

    /// Priority (y) against impact (x), one series per item so each point carries its item key;
    /// the top three (the "three things") in red and labelled, so labels stay legible.
    private func chart(_ sheet: String, rows: ClosedRange<Int>, drivers: [Driver],
                       top: Set<String>) throws(XLSXError) -> XLSXChart {
        let chart = try workbook.addChart(.scatter)
        chart.title("All areas: where to act (high priority = high impact and room to improve)", fontSize: 11,
                    bold: true)
        chart.legend(.none)
        for (row, driver) in zip(rows, drivers) {
            let series = try chart.addSeries(sheet: sheet, categories: CellRange(row, 4, row, 4),
                                             values: CellRange(row, 6, row, 6))
            try series.name(sheet: sheet, row: row, col: 1)
            series.marker(.circle, size: 7,
                          color: top.contains(driver.item) ? WorkbookFormats.red : WorkbookFormats.blue)
            if top.contains(driver.item) { series.nameLabels(position: .right) }
        }
        chart.axis(.x, AxisOptions(name: "Impact on employee life (correlation)", numberFormat: "0.0"))
        chart.axis(.y, AxisOptions(name: "Priority", min: 0, numberFormat: "0"))
        return chart
    }
}
