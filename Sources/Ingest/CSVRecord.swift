/// One CSV record as libcsv delivered it: the unquoted bytes of every field
/// end to end, the field boundaries, and where the record starts in the file.
public struct CSVRecord: Sendable {
    public var bytes: [UInt8] = []
    public var ends: [Int] = []
    /// Physical line (1-based) where the record starts.
    public var line = 0

    public init() {}

    public init(fields: [String], line: Int) {
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
        self.line = line
    }

    public var count: Int { ends.count }

    public func range(_ field: Int) -> Range<Int> { (field == 0 ? 0 : ends[field - 1])..<ends[field] }

    public subscript(field: Int) -> ArraySlice<UInt8> { bytes[range(field)] }

    /// A field as text; invalid UTF-8 is repaired with U+FFFD.
    public func string(_ field: Int) -> String { String(decoding: self[field], as: UTF8.self) }

    public var strings: [String] { (0..<count).map(string) }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
