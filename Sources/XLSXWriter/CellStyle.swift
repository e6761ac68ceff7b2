internal import CXLSXWriter

/// An RGB colour, `0xRRGGBB`.
public struct Color: Sendable, Hashable, ExpressibleByIntegerLiteral {
    public let rgb: UInt32

    public init(rgb: UInt32) { self.rgb = rgb }
    public init(integerLiteral value: UInt32) { rgb = value }
}

/// Where text sits across a cell.
public enum HorizontalAlignment: Sendable, Hashable {
    case left, center, right, fill, justify, centerAcross, distributed
}

/// Where text sits from top to bottom of a cell.
public enum VerticalAlignment: Sendable, Hashable {
    case top, bottom, center, justify, distributed
}

/// The line style of a cell border.
public enum BorderStyle: Sendable, Hashable {
    case thin, medium, dashed, dotted, thick, double, hair
}

/// One border of a cell: its style and colour.
public struct Border: Sendable, Hashable {
    public var style: BorderStyle
    public var color: Color

    public init(_ style: BorderStyle = .thin, color: Color) {
        self.style = style
        self.color = color
    }
}

/// How a cell (or a conditional-format match) looks: font, number format,
/// alignment, wrapping, fill and bottom border. A value: the workbook turns it
/// into a library format once (`XLSXWorkbook.addFormat`).
public struct CellStyle: Sendable, Hashable {
    public var bold: Bool
    public var italic: Bool
    public var fontColor: Color?
    public var fontSize: Double?
    /// An Excel number format code such as `0.0` or `#,##0`.
    public var numberFormat: String?
    public var horizontal: HorizontalAlignment?
    public var vertical: VerticalAlignment?
    /// Indent level (0 = none).
    public var indent: Int
    /// Whether long text wraps onto several lines inside the cell.
    public var wrapsText: Bool
    /// A solid background; in a conditional format, the fill Excel applies.
    public var fill: Color?
    public var bottomBorder: Border?

    public init(bold: Bool = false, italic: Bool = false, fontColor: Color? = nil, fontSize: Double? = nil,
                numberFormat: String? = nil, horizontal: HorizontalAlignment? = nil,
                vertical: VerticalAlignment? = nil, indent: Int = 0, wrapsText: Bool = false, fill: Color? = nil,
                bottomBorder: Border? = nil) {
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.fontSize = fontSize
        self.numberFormat = numberFormat
        self.horizontal = horizontal
        self.vertical = vertical
        self.indent = indent
        self.wrapsText = wrapsText
        self.fill = fill
        self.bottomBorder = bottomBorder
    }
}

/// A format added to an `XLSXWorkbook`, to pass to cell writes and conditional
/// formats of that workbook; valid until the workbook closes. `style` says what
/// it looks like (e.g. whether it wraps text).
public struct XLSXFormat {
    let handle: UnsafeMutablePointer<lxw_format>
    public let style: CellStyle
}

extension CellStyle {
    /// Sets the library format's properties; only those the style sets are touched.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontColor { format_set_font_color(format, fontColor.rgb) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if indent > 0 { format_set_indent(format, UInt8(clamping: indent)) }
        if wrapsText { format_set_text_wrap(format) }
        if let horizontal { format_set_align(format, UInt8(horizontal.library.rawValue)) }
        if let vertical { format_set_align(format, UInt8(vertical.library.rawValue)) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill.rgb)
        }
        if let bottomBorder {
            format_set_bottom(format, UInt8(bottomBorder.style.library.rawValue))
            format_set_bottom_color(format, bottomBorder.color.rgb)
        }
    }
}

extension HorizontalAlignment {
    var library: lxw_format_alignments {
        switch self {
        case .left: LXW_ALIGN_LEFT
        case .center: LXW_ALIGN_CENTER
        case .right: LXW_ALIGN_RIGHT
        case .fill: LXW_ALIGN_FILL
        case .justify: LXW_ALIGN_JUSTIFY
        case .centerAcross: LXW_ALIGN_CENTER_ACROSS
        case .distributed: LXW_ALIGN_DISTRIBUTED
        }
    }
}

extension VerticalAlignment {
    var library: lxw_format_alignments {
        switch self {
        case .top: LXW_ALIGN_VERTICAL_TOP
        case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
        case .center: LXW_ALIGN_VERTICAL_CENTER
        case .justify: LXW_ALIGN_VERTICAL_JUSTIFY
        case .distributed: LXW_ALIGN_VERTICAL_DISTRIBUTED
        }
    }
}

extension BorderStyle {
    var library: lxw_format_borders {
        switch self {
        case .thin: LXW_BORDER_THIN
        case .medium: LXW_BORDER_MEDIUM
        case .dashed: LXW_BORDER_DASHED
        case .dotted: LXW_BORDER_DOTTED
        case .thick: LXW_BORDER_THICK
        case .double: LXW_BORDER_DOUBLE
        case .hair: LXW_BORDER_HAIR
        }
    }
}
