internal import CLibXML2

/// A forward-only reader of one XML document through libxml2's `xmlTextReader`:
/// the document is parsed as it is read (from a file, or from a descriptor that
/// another thread fills), so memory stays bounded by the largest element that is
/// expanded with `withElement`, never the whole document.
///
/// Owns the `xmlTextReaderPtr` (freed in deinit). Not thread-safe: one reader
/// belongs to one thread at a time. Entity expansion and network access are off.
public final class XMLStreamReader {
    /// The name used in errors (a path, or `book.xlsx:xl/workbook.xml`).
    public let document: String
    private let reader: xmlTextReaderPtr
    private let sink = ErrorSink()

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Reads the file at `path`.
    public convenience init(path: String) throws(XMLStreamError) {
        guard let reader = xmlReaderForFile(path, nil, Self.options) else {
            throw XMLStreamError(document: path, line: nil, column: nil, message: "libxml2 could not open the file")
        }
        self.init(reader: reader, document: path)
    }

    /// Reads from `fileDescriptor` until end of file. The descriptor is not closed:
    /// the caller keeps it open while the reader lives and closes it afterwards.
    public convenience init(fileDescriptor: Int32, document: String) throws(XMLStreamError) {
        guard let reader = xmlReaderForFd(fileDescriptor, document, nil, Self.options) else {
            throw XMLStreamError(document: document, line: nil, column: nil, message: "libxml2 could not start a reader")
        }
        self.init(reader: reader, document: document)
    }

    private init(reader: xmlTextReaderPtr, document: String) {
        self.reader = reader
        self.document = document
        sink.install(on: reader)
    }

    deinit {
        xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node in document order (into the current element's children).
    /// - Returns: false at the end of the document.
    public func read() throws(XMLStreamError) -> Bool {
        try checked(xmlTextReaderRead(reader))
    }

    /// Moves to the node after the current one, skipping its subtree.
    /// - Returns: false at the end of the document.
    public func skipSubtree() throws(XMLStreamError) -> Bool {
        try checked(xmlTextReaderNext(reader))
    }

    /// The current node is a start tag (or an empty element such as `<c r="A1"/>`).
    public var isStartElement: Bool { xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) }

    /// Nesting depth of the current node (the root element is 0).
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current node's local name (without a namespace prefix) is `name`.
    public func nameIs(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return XMLElement.cString(local, equals: name)
    }

    /// Parses the current element completely (its whole subtree) and lends it to `body`.
    /// The view is valid only inside `body`; move on with `skipSubtree()` afterwards so the
    /// reader does not walk the children again.
    public func withElement<Result, Failure: Error>(
        _ body: (XMLElement) throws(Failure) -> Result
    ) throws -> Result {
        guard let node = xmlTextReaderExpand(reader) else { throw failure("could not read the element") }
        return try body(XMLElement(node: UnsafeMutableRawPointer(node)))
    }

    private func checked(_ status: Int32) throws(XMLStreamError) -> Bool {
        if status < 0 { throw failure("the document is not well-formed") }
        return status == 1
    }

    private func failure(_ fallback: String) -> XMLStreamError {
        let report = sink.first
        let line = report?.line ?? positiveOrNil(xmlTextReaderGetParserLineNumber(reader))
        let column = report?.column ?? positiveOrNil(xmlTextReaderGetParserColumnNumber(reader))
        return XMLStreamError(document: document, line: line, column: column, message: report?.message ?? fallback)
    }

    private func positiveOrNil(_ value: Int32) -> Int? { value > 0 ? Int(value) : nil }
}
