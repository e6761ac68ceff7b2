internal import CLibXML2

/// Keeps the first error libxml2 reports for one reader, so that it reaches the
/// caller as an `XMLStreamError` instead of libxml2's default print to stderr.
/// It is handed to libxml2 as the structured error handler's context through
/// `Unmanaged` (unretained: the owning `XMLStreamReader` keeps it alive and
/// removes the handler before it frees the reader).
final class ErrorSink {
    typealias Report = (line: Int?, column: Int?, message: String)
    private var firstFatal: Report?
    private var firstError: Report?

    /// The error to show: the first fatal one (the one that stopped the parse), else the first error.
    var first: Report? { firstFatal ?? firstError }

    func record(message: String, line: Int32, column: Int32, fatal: Bool) {
        let report = (line > 0 ? Int(line) : nil, column > 0 ? Int(column) : nil, message)
        if fatal, firstFatal == nil { firstFatal = report }
        if !fatal, firstError == nil { firstError = report }
    }

    /// Installs this sink as `reader`'s structured error handler. Warnings are ignored;
    /// errors and fatal errors are kept.
    func install(on reader: xmlTextReaderPtr) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let details = error.pointee
            guard details.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = details.message.map { String(cString: $0) } ?? "error \(details.code)"
            Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
                .record(message: text.trimmingWhitespace(), line: details.line, column: details.int2,
                        fatal: details.level.rawValue >= XML_ERR_FATAL.rawValue)
        }, context)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        while let head = scalars.first, head.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }
}
