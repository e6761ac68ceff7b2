internal import CXLSXWriter

/// How a worksheet prints: header and footer text (Excel's `&P`, `&N`, `&L`, `&C`, `&R`
/// codes; use `PrintSetup.escaped` for text from data), margins in inches, and where the
/// printed pages break.
public struct PrintSetup: Sendable {
    public var header: String?
    public var footer: String?
    /// Left, right, top and bottom margins in inches; nil keeps Excel's defaults.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double)?
    /// Rows that start a new printed page.
    public var pageBreaksBefore: [Int]

    public init(header: String? = nil, footer: String? = nil,
                margins: (left: Double, right: Double, top: Double, bottom: Double)? = nil,
                pageBreaksBefore: [Int] = []) {
        self.header = header
        self.footer = footer
        self.margins = margins
        self.pageBreaksBefore = pageBreaksBefore
    }

    /// Text shown literally inside a header or footer (`&` doubled).
    public static func escaped(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&&")
    }
}

extension XLSXSheet {
    /// Applies header, footer, margins and page breaks. A header or footer longer than Excel
    /// allows is the library's error, named with this sheet.
    public func printSetup(_ setup: PrintSetup) throws(XLSXError) {
        if let header = setup.header {
            try check(worksheet_set_header(handle, header), "setting the page header of \(name)")
        }
        if let footer = setup.footer {
            try check(worksheet_set_footer(handle, footer), "setting the page footer of \(name)")
        }
        if let margins = setup.margins {
            worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
        }
        guard !setup.pageBreaksBefore.isEmpty else { return }
        var breaks: [lxw_row_t] = []
        for row in setup.pageBreaksBefore.sorted() {
            breaks.append(try libraryCell(row, 0).row)
        }
        breaks.append(0)
        try check(worksheet_set_h_pagebreaks(handle, &breaks), "setting page breaks in \(name)")
    }

    /// Hides the sheet (e.g. the data behind charts); a hidden sheet is not printed.
    public func hide() {
        worksheet_hide(handle)
    }
}
