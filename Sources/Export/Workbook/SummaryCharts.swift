import Foundation
import Score
import SurveyModel
import XLSXWriter

/// The two native charts of the Summary: readiness by area (bars coloured by band,
/// dashed lines at the band thresholds, every bar labelled with its area) and
/// leadership vs management (each point labelled with its area, the axes zoomed to
/// the points, the quadrant threshold drawn and the four quadrants named). Both grow with the number of
/// areas. Below them, on a page of its own, All areas' drivers by action words.
/// Their data sits on the hidden chart-data sheet and lists only figures that are
/// shown, so no hidden or missing figure is ever drawn as zero.
struct SummaryCharts {
    let report: ScoreReport
    let config: PipelineConfig
    let workbook: XLSXWorkbook
    let data: ChartData

    /// Up to this many areas every area has a bar; beyond it the highest and lowest half each.
    static let maxBars = 40
    /// Pixels per bar and around the bars (title, axis).
    static let barPitch = 20.0
    static let barFrame = 96.0
    static let barWidth = 640.0

    /// Places the charts from `row` down; returns the rows that start a printed page (the drivers chart).
    func write(_ writer: SheetWriter, belowRow row: Int) throws(XLSXError) -> [Int] {
        var height = 0.0
        let bars = barRows()
        if !bars.rows.isEmpty {
            let chart = try barChart(bars)
            let size = Self.barSize(bars: bars.rows.count)
            try writer.insertChart(chart, row: row, col: 0, xScale: size.width / 480, yScale: size.height / 288)
            height = size.height
        }
        let points = scatterRows()
        if !points.isEmpty {
            let side = Self.scatterSide(points: points.count)
            let chart = try scatterChart(points)
            let place = bars.rows.isEmpty ? (col: 0, offset: 4) : position(writer, pixels: Self.barWidth + 24)
            try writer.insertChart(chart, row: row, col: place.col, xScale: side / 480, yScale: side / 288,
                                   xOffset: place.offset)
            height = max(height, side)
        }
        let driversRow = row + Self.rows(pixels: height) + 1
        guard let drivers = try DriversChart(report: report, config: config, workbook: workbook, data: data).make()
        else { return [] }
        try writer.insertChart(drivers.chart, row: driversRow, col: 0, xScale: DriversChart.width / 480,
                               yScale: drivers.height / 288)
        return [driversRow]
    }

    /// Default-height rows (20 px) that `pixels` cover.
    static func rows(pixels: Double) -> Int {
        Int((pixels / 20).rounded(.up))
    }

    /// Width and height in pixels of the readiness chart with `bars` bars.
    static func barSize(bars: Int) -> (width: Double, height: Double) {
        (barWidth, max(288, barFrame + barPitch * Double(bars)))
    }

    /// The side in pixels of the (square) leadership-vs-management chart.
    static func scatterSide(points: Int) -> Double {
        min(480, 400 + 8 * Double(points))
    }

    // MARK: Readiness bars

    struct Bar {
        let area: String
        let readiness: Double
        let total: Bool
    }

    /// Areas with a readiness figure, best first (at most `maxBars`: the highest and lowest
    /// halves), then All areas; `of` is how many areas had one.
    private func barRows() -> (rows: [Bar], of: Int) {
        let all = report.areas.compactMap { area in
            area.readiness.map { Bar(area: area.area, readiness: $0, total: area.isTotal) }
        }
        var areas = all.filter { !$0.total }.sorted { ($1.readiness, $0.area) < ($0.readiness, $1.area) }
        let count = areas.count
        if count > Self.maxBars {
            areas = Array(areas.prefix(Self.maxBars / 2)) + Array(areas.suffix(Self.maxBars / 2))
        }
        return (areas + all.filter(\.total), count)
    }

    private func bandIndex(_ readiness: Double) -> Int {
        config.scoring.bands.firstIndex { readiness >= $0.min } ?? config.scoring.bands.count
    }

    private func barChart(_ bars: (rows: [Bar], of: Int)) throws(XLSXError) -> XLSXChart {
        let count = bars.rows.count
        // One series per bar: a thick line from 0 to the area's readiness at its height (best on top).
        let first = try data.block("Readiness bars", header: ["Area", "From", "To", "Height", "Height"],
                                   rows: bars.rows.enumerated().map { index, bar in
            let height = Double(count - index)
            return [.text(bar.area), .number(0), .number(bar.readiness), .number(height), .number(height)]
        })
        let bands = config.scoring.bands
        let lines = try data.block("Band thresholds", header: ["Band", "Readiness", "Readiness", "Height", "Height"],
                                   rows: bands.map { band in
            [.text(Self.thresholdLabel(band)), .number(band.min), .number(band.min),
             .number(0.3), .number(Double(count) + 0.7)]
        })
        let chart = try workbook.addChart(.scatterStraight)
        let shown = bars.of > Self.maxBars
            ? ": the \(Self.maxBars / 2) highest and \(Self.maxBars / 2) lowest of \(bars.of) areas" : ""
        chart.title("Readiness by area, \(report.wave)\(shown)", fontSize: 12, bold: true)
        chart.legend(.none)
        let thickness = min(14, Self.barPitch * 0.75 * 0.62)
        for (index, bar) in bars.rows.enumerated() {
            let row = first + index
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(row, 1, row, 2),
                                             values: CellRange(row, 3, row, 4))
            try series.name(sheet: data.sheet, row: row, col: 0)
            series.line(ChartLine(color: bar.total ? WorkbookFormats.totalBar
                                      : WorkbookFormats.barColor(index: bandIndex(bar.readiness), count: bands.count + 1),
                                  width: thickness))
            series.marker(.none)
            // The area's name inside the bar's start, its readiness right of its end.
            try series.pointLabels([.text(Self.barLabel(bar)), .text(TrendsSheet.oneDecimal(bar.readiness))],
                                   position: .right, fontSize: 8)
        }
        for index in bands.indices {
            let row = lines + index
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(row, 1, row, 2),
                                             values: CellRange(row, 3, row, 4))
            try series.name(sheet: data.sheet, row: row, col: 0)
            series.line(ChartLine(color: WorkbookFormats.grey, width: 1.25, dash: .dash))
            series.marker(.none)
            try series.pointLabels([.none, .text(Self.thresholdLabel(bands[index]))], position: .right, fontSize: 8,
                                   color: WorkbookFormats.grey)
        }
        chart.axis(.x, AxisOptions(name: "Readiness (0–100)", min: 0, max: 100, majorUnit: 20))
        chart.axis(.y, AxisOptions(min: 0, max: Double(count) + 1))
        chart.hideAxis(.y)
        chart.hideGridlines(.y)
        return chart
    }

    /// The area's name on one line: LibreOffice wraps a label at its spaces, so they are no-break spaces.
    static func barLabel(_ bar: Bar) -> String {
        bar.area.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "Ready ≥ 75".
    static func thresholdLabel(_ band: Band) -> String {
        "\(band.label) ≥ \(ConditionalRules.literal(band.min))"
    }

    // MARK: Leadership vs management

    struct Point {
        let area: String
        let management: Double
        let leadership: Double
        let total: Bool
    }

    /// Areas with both leadership and management shown.
    private func scatterRows() -> [Point] {
        report.areas.compactMap { area in
            guard let leadership = area.construct("leadership")?.shownMean,
                  let management = area.construct("management")?.shownMean else { return nil }
            return Point(area: area.area, management: management, leadership: leadership, total: area.isTotal)
        }
    }

    private func scatterChart(_ points: [Point]) throws(XLSXError) -> XLSXChart {
        let first = try data.block("Leadership vs management", header: ["Area", "Management", "Leadership"],
                                   rows: points.map { [.text($0.area), .number($0.management), .number($0.leadership)] })
        let threshold = config.scoring.quadrantThreshold
        let (low, high) = Self.scatterRange(points, threshold: threshold)
        let lines = try data.block("Quadrant threshold", header: ["Line", "Management", "Leadership"], rows: [
            [.text("Leadership"), .number(low), .number(threshold)], [.text("Leadership"), .number(high), .number(threshold)],
            [.text("Management"), .number(threshold), .number(low)], [.text("Management"), .number(threshold), .number(high)],
        ])
        // The quadrant names sit in the corners: left ones labelled to the right, right ones to the left.
        let at = { (fraction: Double) in low + (high - low) * fraction }
        let quadrants: [(name: Quadrant, x: Double, y: Double)] = [
            (.ledLooselyManaged, at(0.01), at(0.97)), (.stalled, at(0.01), at(0.03)),
            (.ledAndManaged, at(0.99), at(0.97)), (.managedNotLed, at(0.99), at(0.03)),
        ]
        let corners = try data.block("Quadrants", header: ["Quadrant", "Management", "Leadership"],
                                     rows: quadrants.map { [.text($0.name.rawValue), .number($0.x), .number($0.y)] })
        let chart = try workbook.addChart(.scatter)
        chart.title("Led or only managed? \(report.wave)", fontSize: 12, bold: true)
        chart.legend(.none)
        let colors = WorkbookFormats.palette(count: points.count)
        let positions = Self.labelPositions(points, range: (low, high), side: Self.scatterSide(points: points.count))
        for (offset, point) in points.enumerated() {
            let row = first + offset
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(row, 1, row, 1),
                                             values: CellRange(row, 2, row, 2))
            try series.name(sheet: data.sheet, row: row, col: 0)
            series.line(.none)
            if point.total {
                series.marker(.diamond, size: 10, color: WorkbookFormats.totalMarker)
            } else {
                series.marker(.circle, size: 8, color: colors[offset])
            }
            try series.pointLabels([.text(point.area)], position: positions[offset], fontSize: 8)
        }
        for line in 0..<2 {
            let start = lines + line * 2
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(start, 1, start + 1, 1),
                                             values: CellRange(start, 2, start + 1, 2))
            series.fixedName("Threshold")
            series.line(ChartLine(color: WorkbookFormats.grey, width: 1.25, dash: .dash))
            series.marker(.none)
        }
        for (side, position) in [(0, LabelPosition.right), (2, LabelPosition.left)] {
            let row = corners + side
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(row, 1, row + 1, 1),
                                             values: CellRange(row, 2, row + 1, 2))
            series.fixedName("Quadrant")
            series.line(.none)
            series.marker(.none)
            try series.pointLabels([.text(quadrants[side].name.rawValue), .text(quadrants[side + 1].name.rawValue)],
                                   position: position, fontSize: 9, color: WorkbookFormats.grey)
        }
        let unit = high - low > 60 ? 20.0 : 10.0
        chart.axis(.x, AxisOptions(name: "Management (0–100)", min: low, max: high, majorUnit: unit))
        chart.axis(.y, AxisOptions(name: "Leadership (0–100)", min: low, max: high, majorUnit: unit))
        return chart
    }

    /// Both axes' range: the points and the threshold with 5 points to spare, in whole tens within
    /// 0–100, so that crowded points spread over the chart instead of one corner of 0–100.
    static func scatterRange(_ points: [Point], threshold: Double) -> (low: Double, high: Double) {
        let values = points.flatMap { [$0.management, $0.leadership] } + [threshold]
        let low = max(0, (((values.min() ?? 0) - 5) / 10).rounded(.down) * 10)
        let high = min(100, (((values.max() ?? 100) + 5) / 10).rounded(.up) * 10)
        return high > low ? (low, high) : (0, 100)
    }

    /// Where each point's label goes: right of it up to `alternateFrom` points; beyond, each point
    /// in turn (left to right) takes the side (right, left, above, below) where its label, estimated
    /// at 8 pt on the plot of `side` pixels, overlaps least with the labels placed before it, the
    /// markers and the plot's edge, so that crowded neighbours' labels point different ways.
    static func labelPositions(_ points: [Point], range: (low: Double, high: Double) = (0, 100),
                               side: Double = 480) -> [LabelPosition] {
        guard points.count > alternateFrom else { return points.map { _ in .right } }
        let plot = side * 0.8, span = max(range.high - range.low, 1)
        let pixel = { (value: Double) in (value - range.low) / span * plot }
        let markers = points.map { Box(x: pixel($0.management) - 4, y: pixel($0.leadership) - 4, width: 8, height: 8) }
        var placed: [Box] = []
        var positions = points.map { _ in LabelPosition.right }
        let order = points.indices.sorted { (points[$0].management, points[$0].leadership, $0)
            < (points[$1].management, points[$1].leadership, $1) }
        for index in order {
            let x = pixel(points[index].management), y = pixel(points[index].leadership)
            let width = Double(points[index].area.count) * 4.6, height = 11.0, gap = 6.0
            let candidates: [(LabelPosition, Box)] = [
                (.right, Box(x: x + gap, y: y - height / 2, width: width, height: height)),
                (.left, Box(x: x - gap - width, y: y - height / 2, width: width, height: height)),
                (.above, Box(x: x - width / 2, y: y + gap, width: width, height: height)),
                (.below, Box(x: x - width / 2, y: y - gap - height, width: width, height: height)),
            ]
            let cost = { (box: Box) -> Double in
                let others = placed + markers.enumerated().filter { $0.offset != index }.map(\.element)
                let outside = box.width * box.height - box.overlap(Box(x: 0, y: 0, width: plot, height: plot))
                return others.reduce(outside) { $0 + box.overlap($1) }
            }
            let best = candidates.min { cost($0.1) < cost($1.1) } ?? candidates[0]
            positions[index] = best.0
            placed.append(best.1)
        }
        return positions
    }

    /// A label's or marker's rectangle in pixels from the plot's bottom-left corner.
    struct Box {
        let x, y, width, height: Double

        func overlap(_ other: Box) -> Double {
            let across = min(x + width, other.x + other.width) - max(x, other.x)
            let up = min(y + height, other.y + other.height) - max(y, other.y)
            return across > 0 && up > 0 ? across * up : 0
        }
    }

    /// Up to this many points every label sits right of its point.
    static let alternateFrom = 13

    /// The column holding the point `pixels` from column A's left edge, and the offset into it.
    private func position(_ writer: SheetWriter, pixels: Double) -> (col: Int, offset: Int) {
        var left = 0.0
        for col in 0..<200 {
            let width = writer.finalWidth(col) * 7 + 5
            if left + width > pixels { return (col, Int(pixels - left)) }
            left += width
        }
        return (200, 0)
    }
}
