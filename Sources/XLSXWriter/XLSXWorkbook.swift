internal import CXLSXWriter
import Foundation

/// The one owner of a libxlsxwriter workbook: creates it (after checking the
/// library's version), hands out sheets, formats and charts bound to it, and
/// writes and frees it exactly once. If the caller fails before `close()`, the
/// workbook is freed without being written, so no half-built file is produced.
public final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?

    /// Starts a workbook that will be written to `path` on `close()`.
    /// Throws `XLSXError.unsupportedVersion` if the installed libxlsxwriter is not the supported series.
    public init(path: String) throws(XLSXError) {
        try XLSXLibrary.checkVersion()
        guard let workbook = workbook_new(path) else { throw .cannotCreate("the workbook \(path)") }
        handle = workbook
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    private func workbook() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw .closed }
        return handle
    }

    /// Adds a worksheet; sheets appear in the order they are added.
    ///
    /// A `constantMemory` sheet is written row by row: libxlsxwriter writes each row to a
    /// temporary file when the next row starts, so rows must be written in order and a row's
    /// height set before its cells. libxlsxwriter 1.1 has no per-sheet switch for this; a sheet
    /// copies the workbook's private `options.constant_memory` when it is added, so the option
    /// is set for that one call only. `init` checked that the library is the 1.1 series, whose
    /// `lxw_workbook` layout this relies on.
    public func addSheet(_ name: String, constantMemory: Bool = false) throws(XLSXError) -> XLSXSheet {
        let workbook = try workbook()
        let saved = workbook.pointee.options.constant_memory
        workbook.pointee.options.constant_memory = constantMemory ? 1 : 0
        defer { workbook.pointee.options.constant_memory = saved }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw .cannotCreate("the worksheet \(name)")
        }
        return XLSXSheet(handle: sheet, name: name)
    }

    /// Adds a cell (or conditional-format) format that looks like `style`.
    public func addFormat(_ style: CellStyle) throws(XLSXError) -> XLSXFormat {
        guard let format = workbook_add_format(try workbook()) else { throw .cannotCreate("a format") }
        style.apply(to: format)
        return XLSXFormat(handle: format, style: style)
    }

    /// Adds a native chart of the given type, to be inserted into a sheet.
    public func addChart(_ type: ChartType) throws(XLSXError) -> XLSXChart {
        guard let chart = workbook_add_chart(try workbook(), UInt8(type.library.rawValue)) else {
            throw .cannotCreate("a chart")
        }
        return XLSXChart(handle: chart)
    }

    /// Sets title, subject, author and the creation time in seconds since 1970 (UTC).
    public func setProperties(title: String, subject: String, author: String, created: Int) throws(XLSXError) {
        let strings = [title, subject, author].map { $0.withCString { strdup($0) } }
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = strings[0]
        properties.subject = strings[1]
        properties.author = strings[2]
        properties.created = time_t(created)
        try check(workbook_set_properties(try workbook(), &properties), "setting document properties")
    }

    /// Writes the file and releases the workbook. Throws with libxlsxwriter's message on failure.
    public func close() throws(XLSXError) {
        let workbook = try workbook()
        handle = nil
        try check(workbook_close(workbook), "writing the workbook")
    }
}
