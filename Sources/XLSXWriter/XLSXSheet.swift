internal import CXLSXWriter

/// One worksheet of an `XLSXWorkbook` (valid until the workbook closes): cell
/// writes, sizes, panes, filters, conditional formats, charts and print setup.
/// Text is only ever written as a string cell, never parsed as a formula.
public struct XLSXSheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String

    /// Excel's limit on the characters of one cell.
    public static let maxCellCharacters = 32_767

    public func string(_ row: Int, _ col: Int, _ text: String, _ format: XLSXFormat?) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        try check(worksheet_write_string(handle, row, col, Self.cellText(text), format?.handle),
                  "writing text to \(name)")
    }

    /// A number; a NaN or infinity is written as a blank cell.
    public func number(_ row: Int, _ col: Int, _ value: Double, _ format: XLSXFormat?) throws(XLSXError) {
        guard value.isFinite else { return try blank(row, col, format) }
        let (row, col) = try libraryCell(row, col)
        try check(worksheet_write_number(handle, row, col, value, format?.handle), "writing a number to \(name)")
    }

    public func boolean(_ row: Int, _ col: Int, _ value: Bool, _ format: XLSXFormat?) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        try check(worksheet_write_boolean(handle, row, col, value ? 1 : 0, format?.handle),
                  "writing a boolean to \(name)")
    }

    /// An empty cell; with a format it keeps fills and borders, without one it writes nothing.
    public func blank(_ row: Int, _ col: Int, _ format: XLSXFormat?) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        try check(worksheet_write_blank(handle, row, col, format?.handle), "writing a blank cell to \(name)")
    }

    /// The width of column `col` in character units, and the format of its empty cells.
    public func columnWidth(_ col: Int, _ width: Double, _ format: XLSXFormat? = nil) throws(XLSXError) {
        let (_, col) = try libraryCell(0, col)
        try check(worksheet_set_column(handle, col, col, width, format?.handle), "setting a column width in \(name)")
    }

    /// The height of row `row` in points. In a constant-memory sheet, set it before the row's cells.
    public func rowHeight(_ row: Int, _ height: Double) throws(XLSXError) {
        let (row, _) = try libraryCell(row, 0)
        try check(worksheet_set_row(handle, row, height, nil), "setting a row height in \(name)")
    }

    /// Freezes the rows above `row` and the columns left of `col`.
    public func freeze(row: Int, col: Int) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        worksheet_freeze_panes(handle, row, col)
    }

    public func autofilter(_ range: CellRange) throws(XLSXError) {
        let (first, last) = try libraryRange(range)
        try check(worksheet_autofilter(handle, first.row, first.col, last.row, last.col),
                  "adding an autofilter to \(name)")
    }

    /// Applies a conditional format to a cell range.
    public func conditionalFormat(_ range: CellRange, _ rule: ConditionalFormat) throws(XLSXError) {
        let (first, last) = try libraryRange(range)
        var library = lxw_conditional_format()
        let status: lxw_error
        switch rule {
        case .formula(let formula, let format):
            library.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            library.format = format.handle
            // libxlsxwriter copies the formula text before returning.
            status = formula.withCString { text in
                library.value_string = UnsafeMutablePointer(mutating: text)
                return worksheet_conditional_format_range(handle, first.row, first.col, last.row, last.col, &library)
            }
        case .threeColorScale(let low, let mid, let high):
            library.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            library.min_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
            library.mid_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
            library.max_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
            library.min_value = low.value
            library.mid_value = mid.value
            library.max_value = high.value
            library.min_color = low.color.rgb
            library.mid_color = mid.color.rgb
            library.max_color = high.color.rgb
            status = worksheet_conditional_format_range(handle, first.row, first.col, last.row, last.col, &library)
        }
        try check(status, "adding a conditional format to \(name)")
    }

    /// Places a chart with its top-left corner in the given cell.
    public func insertChart(_ chart: XLSXChart, row: Int, col: Int, _ placement: ChartPlacement) throws(XLSXError) {
        let (row, col) = try libraryCell(row, col)
        var options = lxw_chart_options()
        options.x_scale = placement.xScale
        options.y_scale = placement.yScale
        options.x_offset = Int32(clamping: placement.xOffset)
        options.y_offset = Int32(clamping: placement.yOffset)
        try check(worksheet_insert_chart_opt(handle, row, col, chart.handle, &options),
                  "inserting a chart into \(name)")
    }

    /// Prints in landscape orientation.
    public func setLandscape() {
        worksheet_set_landscape(handle)
    }

    /// Prints on at most `wide` pages across and `tall` pages down (0 = as many as needed).
    public func fitToPages(wide: Int, tall: Int) {
        worksheet_fit_to_pages(handle, UInt16(clamping: wide), UInt16(clamping: tall))
    }

    /// Repeats rows `first` through `last` at the top of every printed page.
    public func repeatRows(_ first: Int, _ last: Int) throws(XLSXError) {
        let (first, _) = try libraryCell(first, 0)
        let (last, _) = try libraryCell(last, 0)
        try check(worksheet_repeat_rows(handle, first, last), "setting print titles in \(name)")
    }

    /// Makes this the sheet shown when the workbook opens.
    public func activate() {
        worksheet_activate(handle)
    }

    /// Text as Excel can hold it: at most 32,767 characters, NUL bytes dropped.
    public static func cellText(_ text: String) -> String {
        let clean = text.unicodeScalars.contains("\0")
            ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\0" })) : text
        guard clean.utf16.count > maxCellCharacters else { return clean }
        var result = ""
        var used = 0
        for character in clean {
            let size = character.utf16.count
            if used + size > maxCellCharacters - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}

/// A (row, column) pair as libxlsxwriter's types; negative or huge numbers are an error, not a trap.
func libraryCell(_ row: Int, _ col: Int) throws(XLSXError) -> (row: lxw_row_t, col: lxw_col_t) {
    guard let libraryRow = lxw_row_t(exactly: row), let libraryCol = lxw_col_t(exactly: col) else {
        throw .outOfRange(row: row, col: col)
    }
    return (libraryRow, libraryCol)
}

/// The corners of `range` as libxlsxwriter's types.
func libraryRange(_ range: CellRange) throws(XLSXError)
    -> (first: (row: lxw_row_t, col: lxw_col_t), last: (row: lxw_row_t, col: lxw_col_t)) {
    (try libraryCell(range.firstRow, range.firstCol), try libraryCell(range.lastRow, range.lastCol))
}
