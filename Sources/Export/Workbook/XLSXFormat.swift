import CXLSXWriter

/// A handle to one libxlsxwriter format owned by an `XLSXWorkbook`; valid until the workbook closes.
struct XLSXFormat {
    let handle: UnsafeMutablePointer<lxw_format>

    func bold() { format_set_bold(handle) }
    func italic() { format_set_italic(handle) }
    func fontColor(_ rgb: UInt32) { format_set_font_color(handle, rgb) }
    func fontSize(_ points: Double) { format_set_font_size(handle, points) }
    func numberFormat(_ code: String) { format_set_num_format(handle, code) }
    func indent(_ level: Int = 1) { format_set_indent(handle, UInt8(level)) }
    func wrap() { format_set_text_wrap(handle) }
    func alignTop() { format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    func alignRight() { format_set_align(handle, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
    func alignCenter() { format_set_align(handle, UInt8(LXW_ALIGN_CENTER.rawValue)) }

    /// A solid background. In a conditional format this is the fill that Excel applies.
    func fill(_ rgb: UInt32) {
        format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(handle, rgb)
    }

    func bottomBorder(_ rgb: UInt32) {
        format_set_bottom(handle, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_bottom_color(handle, rgb)
    }
}
