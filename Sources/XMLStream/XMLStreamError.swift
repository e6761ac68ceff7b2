/// Why an XML document could not be read: the document's name (a file path or
/// `archive.xlsx:xl/worksheets/sheet1.xml`), and where libxml2 stopped.
public struct XMLStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the reader was opened with.
    public let document: String
    /// 1-based line and column of the error in the document, when libxml2 knew them.
    public let line: Int?
    public let column: Int?
    /// libxml2's message (trimmed), or ours when the reader could not start.
    public let message: String

    public init(document: String, line: Int?, column: Int?, message: String) {
        self.document = document
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = document
        if let line { place += ":\(line)" }
        if let line, let column, line > 0 { place += ":\(column)" }
        return "\(place): malformed XML: \(message)"
    }
}
