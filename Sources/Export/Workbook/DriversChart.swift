import Score
import SurveyModel
import XLSXWriter

/// All areas' drivers as a bar chart for the Summary's chart page: one bar per item,
/// highest priority first, named by the item's action words; the top three (the
/// "three things to do differently") in red. It grows with the number of items.
struct DriversChart {
    let report: ScoreReport
    let config: PipelineConfig
    let workbook: XLSXWorkbook
    let data: ChartData

    /// Pixels of the chart for `items` bars, so every action's label has room.
    static func height(items: Int) -> Double {
        max(288, 90 + 26 * Double(items))
    }

    static let width = 760.0

    /// The chart and its height in pixels; nil when All areas has no drivers.
    func make() throws(XLSXError) -> (chart: XLSXChart, height: Double)? {
        guard let total = report.areas.first(where: \.isTotal), let all = total.allDrivers, !all.isEmpty
        else { return nil }
        let top = Set(total.drivers?.map(\.item) ?? [])
        let drivers = all.sorted { ($1.priority, $0.item) < ($0.priority, $1.item) }
        let first = try data.block("Drivers, All areas", header: ["Action", "Priority"], rows: drivers.map { driver in
            [.text(config.instrument.item(driver.item)?.actionText ?? driver.item), .number(driver.priority)]
        })
        let last = first + drivers.count - 1
        let chart = try workbook.addChart(.bar)
        chart.title("All areas, \(report.wave): where to act first (priority = impact on employee life × room to "
            + "improve; red: the three things)", fontSize: 11, bold: true)
        chart.legend(.none)
        let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(first, 0, last, 0),
                                         values: CellRange(first, 1, last, 1))
        series.fixedName("Priority")
        try series.pointColors(drivers.map { top.contains($0.item) ? WorkbookFormats.red : WorkbookFormats.blue })
        series.valueLabels(numberFormat: "0.0", position: .outsideEnd)
        chart.axis(.x, AxisOptions(name: "Priority", min: 0, numberFormat: "0"))
        chart.axis(.y, AxisOptions(reversed: true, crossingAtMax: true))
        chart.labelInterval(.y, 1)
        chart.axisFont(.y, size: 9)
        chart.seriesGap(50)
        return (chart, Self.height(items: drivers.count))
    }
}
