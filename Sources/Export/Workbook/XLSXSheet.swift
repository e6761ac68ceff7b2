import CXLSXWriter
import SurveyModel

/// A handle to one worksheet owned by an `XLSXWorkbook`: thin, throwing
/// wrappers over the libxlsxwriter calls the sheets use. Text is only ever
/// written with `worksheet_write_string`, never as a formula.
struct XLSXSheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String

    /// Excel's limit on the characters of one cell.
    static let maxCellCharacters = 32_767

    func string(_ row: Int, _ col: Int, _ text: String, _ format: XLSXFormat?) throws(PipelineError) {
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(col), Self.cellText(text), format?.handle),
                  "writing text to \(name)")
    }

    func number(_ row: Int, _ col: Int, _ value: Double, _ format: XLSXFormat?) throws(PipelineError) {
        guard value.isFinite else { return try blank(row, col, format) }
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(col), value, format?.handle),
                  "writing a number to \(name)")
    }

    func boolean(_ row: Int, _ col: Int, _ value: Bool, _ format: XLSXFormat?) throws(PipelineError) {
        try check(worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(col), value ? 1 : 0, format?.handle),
                  "writing a boolean to \(name)")
    }

    /// An empty cell; with a format it keeps fills and borders, without one it writes nothing.
    func blank(_ row: Int, _ col: Int, _ format: XLSXFormat?) throws(PipelineError) {
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(col), format?.handle),
                  "writing a blank cell to \(name)")
    }

    func columnWidth(_ col: Int, _ width: Double, _ format: XLSXFormat? = nil) throws(PipelineError) {
        try check(worksheet_set_column(handle, lxw_col_t(col), lxw_col_t(col), width, format?.handle),
                  "setting a column width in \(name)")
    }

    func rowHeight(_ row: Int, _ height: Double) throws(PipelineError) {
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "setting a row height in \(name)")
    }

    /// Freezes the rows above `row` and the columns left of `col`.
    func freeze(row: Int, col: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(col))
    }

    func autofilter(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int) throws(PipelineError) {
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstCol),
                                       lxw_row_t(lastRow), lxw_col_t(lastCol)), "adding an autofilter to \(name)")
    }

    /// Applies a conditional format built by the caller to a cell range.
    func conditionalFormat(_ range: CellRange, _ rule: inout lxw_conditional_format) throws(PipelineError) {
        try check(worksheet_conditional_format_range(handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstCol),
                                                     lxw_row_t(range.lastRow), lxw_col_t(range.lastCol), &rule),
                  "adding a conditional format to \(name)")
    }

    /// Places a chart with its top-left corner in the given cell, scaled from 480 × 288 pixels.
    func insertChart(_ chart: XLSXChart, row: Int, col: Int, xScale: Double, yScale: Double) throws(PipelineError) {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        options.x_offset = 4
        options.y_offset = 4
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(col), chart.handle, &options),
                  "inserting a chart into \(name)")
    }

    /// Landscape, one page wide, header rows repeated on every printed page.
    func pageSetup(repeatRowsThrough headerRow: Int) throws(PipelineError) {
        worksheet_set_landscape(handle)
        worksheet_fit_to_pages(handle, 1, 0)
        try check(worksheet_repeat_rows(handle, 0, lxw_row_t(headerRow)), "setting print titles in \(name)")
    }

    func activate() {
        worksheet_activate(handle)
    }

    /// Text as Excel can hold it: at most 32,767 characters, NUL bytes dropped.
    static func cellText(_ text: String) -> String {
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

/// A rectangle of cells, zero-based and inclusive.
struct CellRange {
    var firstRow: Int
    var firstCol: Int
    var lastRow: Int
    var lastCol: Int

    init(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int) {
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// The A1-style name of the top-left cell, for relative references in conditional-format rules.
    var topLeftA1: String { XLSXSheet.columnLetters(firstCol) + String(firstRow + 1) }
}

extension XLSXSheet {
    /// `0` → `A`, `26` → `AA`.
    static func columnLetters(_ col: Int) -> String {
        var col = col + 1
        var letters = ""
        while col > 0 {
            let remainder = (col - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            col = (col - 1) / 26
        }
        return letters
    }
}
