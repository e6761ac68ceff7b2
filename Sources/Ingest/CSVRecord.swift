/// One CSV record as libcsv delivered it: the unquoted bytes of every field
/// end to end, the field boundaries, and where the record starts in the file.
public struct CSVRecord: Sendable {
    public var bytes: [UInt8] = []
    public var ends: [Int] = []
    /// Physical line (1-based) where the record starts.
    public var line = 0
    /// Byte offset in the file (or document) where the record starts.
    public var offset = 0

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

    /// Reads the fields without reference counting: `body` gets a view that is valid only
    /// while it runs (the hot path of ingest).
    func withFields<Result>(_ body: (FieldView) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in body(FieldView(bytes: bytes, ends: ends)) }
        }
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

/// Borrowed access to the fields of a `CSVRecord`, valid only inside `withFields`.
struct FieldView {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    var count: Int { ends.count }

    subscript(field: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        bytes[(field == 0 ? 0 : ends[field - 1])..<ends[field]]
    }

    /// Any byte of the record at or above 0x80 (only then is a UTF-8 check needed).
    var hasNonASCII: Bool { bytes.contains { $0 >= 0x80 } }
}
