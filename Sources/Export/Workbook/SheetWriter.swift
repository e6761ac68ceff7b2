import SurveyModel
import XLSXWriter

/// Writes one sheet's cells through an `XLSXSheet`, remembering how wide each
/// column's content is so that `finish` can size the columns to fit, freeze
/// the header and set up printing the same way on every sheet (landscape, one
/// page wide, title rows repeated on every printed page, the workbook's page
/// header and footer). Rows holding wrapped text get the height their lines need.
final class SheetWriter {
    let sheet: XLSXSheet
    let formats: WorkbookFormats
    let context: SheetContext
    private var widths: [Int: Double] = [:]
    private var caps: [Int: Double] = [:]
    /// Wrapped cells (row, column, text width in character units of each line the text breaks
    /// into by itself), to size their rows.
    private var wrappedCells: [(row: Int, col: Int, widths: [Double])] = []

    static let minWidth = 6.0
    static let defaultCap = 48.0
    static let lineHeight = 15.0

    init(_ sheet: XLSXSheet, _ formats: WorkbookFormats, context: SheetContext) {
        self.sheet = sheet
        self.formats = formats
        self.context = context
    }

    var name: String { sheet.name }

    /// Limits how wide a column may grow (long text columns wrap instead).
    func cap(_ col: Int, _ width: Double) {
        caps[col] = width
    }

    private func fit(_ col: Int, _ width: Double) {
        widths[col] = max(widths[col] ?? Self.minWidth, width)
    }

    private static func textWidth(_ value: String) -> Double { Double(value.count) * 1.1 + 3 }

    private static func lines(textWidth: Double, columnWidth: Double) -> Int {
        Int((textWidth / max(columnWidth - 2, 1)).rounded(.up))
    }

    /// Text; `measure: false` for titles and notes that may spill over empty neighbours.
    func text(_ row: Int, _ col: Int, _ value: String, _ format: XLSXFormat? = nil,
              measure: Bool = true) throws(XLSXError) {
        try sheet.string(row, col, value, format ?? formats.text)
        if let format, format.style.wrapsText {
            // A comment written on several lines keeps its line breaks: each line wraps on its own.
            let lines = value.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            wrappedCells.append((row, col, lines.map { Double($0.count) * 0.85 }))
        }
        if measure { fit(col, Self.textWidth(value)) }
    }

    func text(_ row: Int, _ col: Int, _ value: String?, _ format: XLSXFormat? = nil) throws(XLSXError) {
        guard let value else { return }
        try text(row, col, value, format, measure: true)
    }

    /// A header row: bold, wrapped (at most two lines); titles over numbers align right,
    /// those at the offsets in `textColumns` (default: the first) align left.
    func header(_ row: Int, _ col: Int, _ titles: [String], textColumns: Set<Int> = [0]) throws(XLSXError) {
        for (offset, title) in titles.enumerated() {
            let format = textColumns.contains(offset) ? formats.header : formats.headerRight
            try sheet.string(row, col + offset, title, format)
            wrappedCells.append((row, col + offset, [Double(title.count) * 1.1]))
            let longestWord = title.split(separator: " ").map(\.count).max() ?? 0
            fit(col + offset, max(Double(longestWord) * 1.2, Double(title.count) * 1.2 / 2) + 2)
        }
    }

    /// A number with a format, or nothing for nil.
    func number(_ row: Int, _ col: Int, _ value: Double?, _ format: XLSXFormat) throws(XLSXError) {
        guard let value else { return }
        // -0.0 == 0: written as 0 so no cell can show a negative zero.
        try sheet.number(row, col, value == 0 ? 0 : value, format)
        fit(col, 8)
    }

    func count(_ row: Int, _ col: Int, _ value: Int?) throws(XLSXError) {
        guard let value else { return }
        try sheet.number(row, col, Double(value), formats.count)
        fit(col, Double(String(value).count) + 3)
    }

    /// A figure: its number, the grey "hidden" marker, or an empty cell.
    func figure(_ row: Int, _ col: Int, _ figure: Figure, _ format: XLSXFormat) throws(XLSXError) {
        switch figure {
        case .value(let value): try number(row, col, value, format)
        case .hidden: try text(row, col, WorkbookFormats.hiddenMarker, formats.hidden)
        case .none: break
        }
    }

    func boolean(_ row: Int, _ col: Int, _ value: Bool) throws(XLSXError) {
        try sheet.boolean(row, col, value, formats.boolean)
        fit(col, 7)
    }

    /// Applies column widths, freezes the rows above `freezeRow` (and columns left
    /// of `freezeCol`), and sets landscape, one-page-wide printing with the rows above
    /// `freezeRow` (or `repeatRows`) on every page and new pages at `pageBreaksBefore`.
    func finish(freezeRow: Int, freezeCol: Int = 0, wrapColumns: Set<Int> = [], repeatRows: ClosedRange<Int>? = nil,
                pageBreaksBefore: [Int] = []) throws(XLSXError) {
        for col in widths.keys.sorted() {
            let width = min(widths[col] ?? Self.minWidth, caps[col] ?? Self.defaultCap)
            try sheet.columnWidth(col, width, wrapColumns.contains(col) ? formats.wrapped : nil)
        }
        for (row, lines) in wrappedLines().sorted(by: { $0.key < $1.key }) where lines > 1 {
            try sheet.rowHeight(row, Double(lines) * Self.lineHeight)
        }
        try sheet.freeze(row: freezeRow, col: freezeCol)
        sheet.setLandscape()
        sheet.fitToPages(wide: 1, tall: 0)
        let repeated = repeatRows ?? 0...max(freezeRow - 1, 0)
        try sheet.repeatRows(repeated.lowerBound, repeated.upperBound)
        var setup = context.print
        setup.pageBreaksBefore = pageBreaksBefore
        try sheet.printSetup(setup)
    }

    /// Places a chart with its top-left corner `xOffset` (default 4) and 4 pixels inside the given cell,
    /// scaled from 480 × 288 pixels.
    func insertChart(_ chart: XLSXChart, row: Int, col: Int, xScale: Double, yScale: Double,
                     xOffset: Int = 4) throws(XLSXError) {
        try sheet.insertChart(chart, row: row, col: col,
                              ChartPlacement(xScale: xScale, yScale: yScale, xOffset: xOffset, yOffset: 4))
    }

    /// Lines each row needs so its wrapped cells show in full (word wrap wastes some space).
    private func wrappedLines() -> [Int: Int] {
        var lines: [Int: Int] = [:]
        for cell in wrappedCells {
            let needed = cell.widths.reduce(0) {
                $0 + max(1, Self.lines(textWidth: $1, columnWidth: finalWidth(cell.col)))
            }
            lines[cell.row] = max(lines[cell.row] ?? 1, needed)
        }
        return lines
    }

    /// The width (in character units) a column will get, for placing charts beside tables.
    func finalWidth(_ col: Int) -> Double {
        min(widths[col] ?? 8.43, caps[col] ?? Self.defaultCap)
    }
}

/// What every sheet of one workbook shares: the page header and footer, and the
/// readiness bands the heat maps break at.
struct SheetContext {
    let print: PrintSetup
    let bands: [Band]

    static let confidential = "Confidential: survey results"

    /// Header: the report name left, the wave right; footer: confidentiality left, page N of M right.
    init(reportName: String, wave: String, bands: [Band]) {
        let report = PrintSetup.escaped(String(reportName.prefix(100)))
        let header = "&L\(report)&RWave \(PrintSetup.escaped(String(wave.prefix(60))))"
        print = PrintSetup(header: header, footer: "&L\(Self.confidential)&RPage &P of &N",
                           margins: (left: 0.3, right: 0.3, top: 0.6, bottom: 0.6))
        self.bands = bands
    }
}
