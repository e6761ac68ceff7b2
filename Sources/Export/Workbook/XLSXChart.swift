import CXLSXWriter
import Foundation
import SurveyModel

/// A handle to one native chart owned by an `XLSXWorkbook`. Every series
/// points at cell ranges; names come from cells too, so no input text is ever
/// parsed by libxlsxwriter as a formula.
struct XLSXChart {
    let handle: UnsafeMutablePointer<lxw_chart>

    /// Adds a series with `values` (and optional `categories`, or x values for a scatter chart).
    func addSeries(sheet: String, categories: CellRange?, values: CellRange) throws(PipelineError) -> XLSXSeries {
        guard let series = chart_add_series(handle, nil, nil) else {
            throw PipelineError.other("cannot add a chart series")
        }
        if let categories {
            chart_series_set_categories(series, sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstCol),
                                        lxw_row_t(categories.lastRow), lxw_col_t(categories.lastCol))
        }
        chart_series_set_values(series, sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstCol),
                                lxw_row_t(values.lastRow), lxw_col_t(values.lastCol))
        return XLSXSeries(handle: series)
    }

    /// A fixed chart title (our own wording, never input text).
    func title(_ text: String, size: Double = 12) {
        chart_title_set_name(handle, text)
        var font = lxw_chart_font()
        font.size = size
        font.bold = 1
        chart_title_set_name_font(handle, &font)
    }

    func legend(_ position: lxw_chart_legend_position) {
        chart_legend_set_position(handle, UInt8(position.rawValue))
    }

    /// Hides the legend entries of the given series indexes (e.g. reference lines).
    func hideLegendEntries(_ indexes: [Int]) throws(PipelineError) {
        guard !indexes.isEmpty else { return }
        var list = indexes.map { Int16($0) } + [-1]
        try check(chart_legend_delete_series(handle, &list), "hiding chart legend entries")
    }

    /// Names, range and number format of the x or y axis.
    func axis(_ type: lxw_chart_axis_type, name: String?, min: Double? = nil, max: Double? = nil,
              numberFormat: String? = nil, reverse: Bool = false, majorUnit: Double? = nil, crossingAtMax: Bool = false) {
        guard let axis = chart_axis_get(handle, type) else { return }
        if let name { chart_axis_set_name(axis, name) }
        if let min { chart_axis_set_min(axis, min) }
        if let max { chart_axis_set_max(axis, max) }
        if let numberFormat { chart_axis_set_num_format(axis, numberFormat) }
        if let majorUnit { chart_axis_set_major_unit(axis, majorUnit) }
        if reverse { chart_axis_set_reverse(axis) }
        if crossingAtMax { chart_axis_set_crossing_max(axis) }
    }

    func gap(_ percent: Int) {
        chart_set_series_gap(handle, UInt16(percent))
    }
}

/// A handle to one series of an `XLSXChart`.
struct XLSXSeries {
    let handle: UnsafeMutablePointer<lxw_chart_series>

    /// The series name is read from a cell (so an area name stays data, not formula text).
    func name(sheet: String, row: Int, col: Int) {
        chart_series_set_name_range(handle, sheet, lxw_row_t(row), lxw_col_t(col))
    }

    /// A fixed series name of our own wording (never input text, never starting with "=").
    func fixedName(_ text: String) {
        chart_series_set_name(handle, text)
    }

    func line(color: UInt32, width: Double = 2.25, dash: lxw_chart_line_dash_type? = nil) {
        var line = lxw_chart_line()
        line.color = color
        line.width = Float(width)
        if let dash { line.dash_type = UInt8(dash.rawValue) }
        chart_series_set_line(handle, &line)
    }

    func noLine() {
        var line = lxw_chart_line()
        line.none = 1
        chart_series_set_line(handle, &line)
    }

    func marker(_ type: lxw_chart_marker_type, size: Int = 7, color: UInt32? = nil) {
        chart_series_set_marker_type(handle, UInt8(type.rawValue))
        chart_series_set_marker_size(handle, UInt8(size))
        if let color {
            var fill = lxw_chart_fill()
            fill.color = color
            chart_series_set_marker_fill(handle, &fill)
            var line = lxw_chart_line()
            line.color = color
            chart_series_set_marker_line(handle, &line)
        }
    }

    /// One fill colour per data point, in order (e.g. bars coloured by readiness band).
    func pointColors(_ colors: [UInt32]) throws(PipelineError) {
        guard !colors.isEmpty else { return }
        var fills = colors.map { color -> lxw_chart_fill in
            var fill = lxw_chart_fill()
            fill.color = color
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
    func valueLabels(numberFormat: String) {
        chart_series_set_labels(handle)
        chart_series_set_labels_num_format(handle, numberFormat)
        chart_series_set_labels_position(handle, UInt8(LXW_CHART_LABEL_POSITION_OUTSIDE_END.rawValue))
    }

    /// Labels the series' points with the series name (itself read from a cell).
    func nameLabels() {
        chart_series_set_labels_position(handle, UInt8(LXW_CHART_LABEL_POSITION_RIGHT.rawValue))
        chart_series_set_labels_options(handle, 1, 0, 0)
    }
}
