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
    @inlinable
    public func withFields<Result>(_ body: (FieldView) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in body(FieldView(bytes: bytes, ends: ends)) }
        }
    }
}

/// Borrowed access to the fields of a record (`CSVRecord.withFields`, `BorrowedRecord.fields`),
/// valid only while the closure that received it runs. Ingest reads every field through it,
/// so its members are inlinable: no call across the module boundary per field.
public struct FieldView {
    /// The unquoted bytes of every field, end to end.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes`.
    public let ends: UnsafeBufferPointer<Int>

    @usableFromInline
    init(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.ends = ends
    }

    @inlinable
    public var count: Int { ends.count }

    @inlinable
    public subscript(field: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        bytes[(field == 0 ? 0 : ends[field - 1])..<ends[field]]
    }

    /// Any byte of the record at or above 0x80 (only then is a UTF-8 check needed).
    @inlinable
    public var hasNonASCII: Bool { bytes.contains { $0 >= 0x80 } }
}
