internal import CXLSXWriter

/// A native chart added to an `XLSXWorkbook` (valid until the workbook closes),
/// to be placed with `XLSXSheet.insertChart`. Series values, categories and
/// names point at cell ranges; only `title` and `fixedName` take literal text.
public struct XLSXChart {
    let handle: UnsafeMutablePointer<lxw_chart>

    /// Adds a series with `values` (and optional `categories`, or x values for a scatter chart) on `sheet`.
    public func addSeries(sheet: String, categories: CellRange?, values: CellRange) throws(XLSXError) -> XLSXSeries {
        guard let series = chart_add_series(handle, nil, nil) else { throw .cannotCreate("a chart series") }
        if let categories {
            let (first, last) = try libraryRange(categories)
            chart_series_set_categories(series, sheet, first.row, first.col, last.row, last.col)
        }
        let (first, last) = try libraryRange(values)
        chart_series_set_values(series, sheet, first.row, first.col, last.row, last.col)
        return XLSXSeries(handle: series)
    }

    /// The chart title; a `fontSize` (points) or `bold` sets its font, otherwise Excel's default title font.
    public func title(_ text: String, fontSize: Double? = nil, bold: Bool = false) {
        chart_title_set_name(handle, text)
        guard fontSize != nil || bold else { return }
        var font = lxw_chart_font()
        font.size = fontSize ?? 0
        font.bold = bold ? 1 : 0
        chart_title_set_name_font(handle, &font)
    }

    public func legend(_ position: LegendPosition) {
        chart_legend_set_position(handle, UInt8(position.library.rawValue))
    }

    /// Hides the legend entries of the series at the given indexes (e.g. reference lines).
    public func hideLegendEntries(_ indexes: [Int]) throws(XLSXError) {
        guard !indexes.isEmpty else { return }
        var list = indexes.map { Int16(clamping: $0) } + [-1]
        try check(chart_legend_delete_series(handle, &list), "hiding chart legend entries")
    }

    /// Sets what `options` sets on the x or y axis; the rest keeps Excel's defaults.
    public func axis(_ axis: ChartAxis, _ options: AxisOptions) {
        guard let handle = chart_axis_get(handle, axis.library) else { return }
        if let name = options.name { chart_axis_set_name(handle, name) }
        if let min = options.min { chart_axis_set_min(handle, min) }
        if let max = options.max { chart_axis_set_max(handle, max) }
        if let numberFormat = options.numberFormat { chart_axis_set_num_format(handle, numberFormat) }
        if let majorUnit = options.majorUnit { chart_axis_set_major_unit(handle, majorUnit) }
        if options.reversed { chart_axis_set_reverse(handle) }
        if options.crossingAtMax { chart_axis_set_crossing_max(handle) }
    }

    /// The gap between bars or columns, as a percentage of their width.
    public func seriesGap(_ percent: Int) {
        chart_set_series_gap(handle, UInt16(clamping: percent))
    }
}

/// One series of an `XLSXChart`.
public struct XLSXSeries {
    let handle: UnsafeMutablePointer<lxw_chart_series>

    /// The series name is read from a cell (so text from data stays data, never formula text).
    public func name(sheet: String, row: Int, col: Int) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        chart_series_set_name_range(handle, sheet, row, col)
    }

    /// A literal series name. libxlsxwriter reads a name starting with "=" as a formula: pass only fixed text.
    public func fixedName(_ text: String) {
        chart_series_set_name(handle, text)
    }

    public func line(_ line: ChartLine) {
        var library = lxw_chart_line()
        if let color = line.color { library.color = color.rgb }
        if let width = line.width { library.width = Float(width) }
        if let dash = line.dash { library.dash_type = UInt8(dash.library.rawValue) }
        if line.hidden { library.none = 1 }
        chart_series_set_line(handle, &library)
    }

    /// Markers of `shape`; a `color` fills and outlines them.
    public func marker(_ shape: MarkerShape, size: Int? = nil, color: Color? = nil) {
        chart_series_set_marker_type(handle, UInt8(shape.library.rawValue))
        if let size { chart_series_set_marker_size(handle, UInt8(clamping: size)) }
        if let color {
            var fill = lxw_chart_fill()
            fill.color = color.rgb
            chart_series_set_marker_fill(handle, &fill)
            var line = lxw_chart_line()
            line.color = color.rgb
            chart_series_set_marker_line(handle, &line)
        }
    }

    /// One fill colour per data point, in order (e.g. bars coloured by a band).
    public func pointColors(_ colors: [Color]) throws(XLSXError) {
        guard !colors.isEmpty else { return }
        var fills = colors.map { color -> lxw_chart_fill in
            var fill = lxw_chart_fill()
            fill.color = color.rgb
            return fill
        }
        let status: lxw_error = fills.withUnsafeMutableBufferPointer { buffer in
            var points = (0..<buffer.count).map { index in
                lxw_chart_point(line: nil, fill: buffer.baseAddress.map { $0 + index }, pattern: nil)
            }
            return points.withUnsafeMutableBufferPointer { pointBuffer in
                var list: [UnsafeMutablePointer<lxw_chart_point>?] = (0..<pointBuffer.count).map { index in
                    pointBuffer.baseAddress.map { $0 + index }
                }
                list.append(nil)
                return chart_series_set_points(handle, &list)
            }
        }
        try check(status, "colouring chart points")
    }

    /// Shows each point's value as a data label with the given number format.
    public func valueLabels(numberFormat: String, position: LabelPosition) {
        chart_series_set_labels(handle)
        chart_series_set_labels_num_format(handle, numberFormat)
        chart_series_set_labels_position(handle, UInt8(position.library.rawValue))
    }
}
