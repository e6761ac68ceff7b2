import CXLSXWriter
import Foundation
import SurveyModel

/// The one owner of a libxlsxwriter workbook pointer: creates it, hands out
/// worksheet, format and chart handles bound to it, and closes it exactly once.
/// If the writer fails before `close()`, the workbook is freed without being
/// written, so no half-built file is produced by this type.
final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?

    /// Starts a workbook that will be written to `path` on `close()`.
    init(path: String) throws(PipelineError) {
        guard let workbook = workbook_new(path) else {
            throw PipelineError.other("cannot create the workbook \(path)")
        }
        handle = workbook
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    private func workbook() throws(PipelineError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw PipelineError.other("the workbook is already closed") }
        return handle
    }

    /// Adds a worksheet; sheets appear in the order they are added.
    ///
    /// A `streamed` sheet is written in constant memory: libxlsxwriter writes each row to
    /// a temporary file when the next row starts, so rows must be written in order and a
    /// row's height set before its cells. libxlsxwriter 1.1.4 has no per-sheet switch for
    /// this; a sheet copies the workbook's `constant_memory` option when it is added
    /// (`workbook_add_worksheet`), so the option is set for that one call only.
    func addSheet(_ name: String, streamed: Bool = false) throws(PipelineError) -> XLSXSheet {
        let workbook = try workbook()
        let saved = workbook.pointee.options.constant_memory
        workbook.pointee.options.constant_memory = streamed ? 1 : 0
        defer { workbook.pointee.options.constant_memory = saved }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw PipelineError.other("cannot add the worksheet \(name)")
        }
        return XLSXSheet(handle: sheet, name: name)
    }

    /// Adds a cell (or conditional-format) format configured by `configure`.
    func addFormat(_ configure: (XLSXFormat) -> Void) throws(PipelineError) -> XLSXFormat {
        guard let format = workbook_add_format(try workbook()) else {
            throw PipelineError.other("cannot add a workbook format")
        }
        let wrapped = XLSXFormat(handle: format)
        configure(wrapped)
        return wrapped
    }

    /// Adds a native chart of the given type, to be inserted into a sheet.
    func addChart(_ type: lxw_chart_type) throws(PipelineError) -> XLSXChart {
        guard let chart = workbook_add_chart(try workbook(), UInt8(type.rawValue)) else {
            throw PipelineError.other("cannot add a chart")
        }
        return XLSXChart(handle: chart)
    }

    /// Sets title, subject, author and the creation time (fixed, for byte-identical output).
    func setProperties(title: String, subject: String, author: String, created: Int) throws(PipelineError) {
        let strings = [title, subject, author].map(duplicateCString)
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = strings[0]
        properties.subject = strings[1]
        properties.author = strings[2]
        properties.created = time_t(created)
        try check(workbook_set_properties(try workbook(), &properties), "setting document properties")
    }

    /// Writes the file and releases the workbook. Throws with libxlsxwriter's message on failure.
    func close() throws(PipelineError) {
        let workbook = try workbook()
        handle = nil
        try check(workbook_close(workbook), "writing the workbook")
    }
}

/// Turns a libxlsxwriter status into a `PipelineError.other` carrying the library's message.
func check(_ status: lxw_error, _ action: @autoclosure () -> String) throws(PipelineError) {
    guard status != LXW_NO_ERROR else { return }
    let message = lxw_strerror(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
    throw PipelineError.other("libxlsxwriter failed \(action()): \(message)")
}

/// A malloc'd copy of `text` for C structs that take `char *`; the caller frees it.
func duplicateCString(_ text: String) -> UnsafeMutablePointer<CChar>? {
    strdup(text)
}
