internal import CXLSXWriter
import Foundation

/// One data label of a series' point: literal text (written as rich text, never read as a
/// formula, so text from data stays data), or no label for that point. Literal text rather
/// than a cell reference because LibreOffice shows the point's value for referenced labels.
public enum PointLabel: Sendable, Hashable {
    case text(String)
    case none
}

extension XLSXSeries {
    /// Labels each point with the given cell's text, in point order, at `position`;
    /// `fontSize` in points (nil: Excel's default).
    public func pointLabels(_ labels: [PointLabel], position: LabelPosition, fontSize: Double? = nil,
                            color: Color? = nil) throws(XLSXError) {
        guard !labels.isEmpty else { return }
        var texts: [UnsafeMutablePointer<CChar>?] = []
        for label in labels {
            switch label {
            case .text(let text):
                texts.append(strdup(Self.literal(text)))
            case .none:
                texts.append(nil)
            }
        }
        defer { texts.forEach { free($0) } }
        chart_series_set_labels(handle)
        chart_series_set_labels_position(handle, UInt8(position.library.rawValue))
        if fontSize != nil || color != nil {
            var font = lxw_chart_font()
            font.size = fontSize ?? 0
            if let color { font.color = color.rgb }
            chart_series_set_labels_font(handle, &font)
        }
        var entries = texts.map { text in
            lxw_chart_data_label(value: text, hide: text == nil ? 1 : 0, font: nil, line: nil, fill: nil, pattern: nil)
        }
        let status: lxw_error = entries.withUnsafeMutableBufferPointer { buffer in
            var list: [UnsafeMutablePointer<lxw_chart_data_label>?] = (0..<buffer.count).map { index in
                buffer.baseAddress.map { $0 + index }
            }
            list.append(nil)
            return chart_series_set_labels_custom(handle, &list)
        }
        try check(status, "setting chart data labels")
    }

    /// libxlsxwriter reads a label starting with "=" as a formula: a zero-width space in front keeps it text.
    static func literal(_ text: String) -> String {
        text.hasPrefix("=") ? "\u{200B}" + text : text
    }
}

extension XLSXChart {
    /// Hides an axis (its line, ticks and numbers); the chart keeps its scale.
    public func hideAxis(_ axis: ChartAxis) {
        guard let handle = chart_axis_get(handle, axis.library) else { return }
        chart_axis_off(handle)
    }

    /// Shows every `unit`-th category label (1 = every label, so none is skipped).
    public func labelInterval(_ axis: ChartAxis, _ unit: Int) {
        guard let handle = chart_axis_get(handle, axis.library) else { return }
        chart_axis_set_interval_unit(handle, UInt16(clamping: unit))
    }

    /// The font size (points) of an axis' numbers or category labels.
    public func axisFont(_ axis: ChartAxis, size: Double) {
        guard let handle = chart_axis_get(handle, axis.library) else { return }
        var font = lxw_chart_font()
        font.size = size
        chart_axis_set_num_font(handle, &font)
    }

    /// Hides the major gridlines of an axis.
    public func hideGridlines(_ axis: ChartAxis) {
        guard let handle = chart_axis_get(handle, axis.library) else { return }
        chart_axis_major_gridlines_set_visible(handle, 0)
    }
}
