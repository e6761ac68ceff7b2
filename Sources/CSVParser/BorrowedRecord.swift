/// A record as libcsv just delivered it, borrowed from the stream's buffer: valid
/// only during the `onRecord` call. `copy()` makes an owned `CSVRecord`.
public struct BorrowedRecord {
    /// Physical line (1-based) where the record starts.
    public let line: Int
    /// Byte offset in the file where the record starts.
    public let offset: Int
    /// The first field longer than the stream's `maxFieldBytes` (every such field is cut to it).
    public let tooLongField: Int?
    /// The fields, borrowed like the record.
    public let fields: FieldView

    @inlinable
    public var count: Int { fields.count }

    /// The fields as text (invalid UTF-8 repaired with U+FFFD), e.g. for the rejects file.
    public var strings: [String] { (0..<count).map { String(decoding: fields[$0], as: UTF8.self) } }

    public func copy() -> CSVRecord {
        var record = CSVRecord()
        record.bytes = Array(fields.bytes)
        record.ends = Array(fields.ends)
        record.line = line
        record.offset = offset
        return record
    }
}

/// The growing bytes and field ends of the record being parsed, in memory this
/// object owns, so libcsv's per-field callback is a bounds check and a memcpy.
final class RecordBuffer {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 4096
    private var byteCount = 0
    private var ends: UnsafeMutablePointer<Int>
    private var endCapacity = 64
    private var fieldCount = 0

    init() {
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// Most fields are a few bytes (an answer digit): those are copied byte by byte, the rest by `memcpy`.
    @inline(__always)
    func appendField(_ start: UnsafeRawPointer?, _ length: Int) {
        if byteCount + length > byteCapacity { growBytes(to: byteCount + length) }
        if let start, length > 0 {
            let source = start.assumingMemoryBound(to: UInt8.self), target = bytes + byteCount
            if length <= 8 {
                for index in 0..<length { target[index] = source[index] }
            } else {
                target.update(from: source, count: length)
            }
            byteCount += length
        }
        if fieldCount == endCapacity { growEnds() }
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// The current record, then cleared for the next one.
    /// Fields appended to the current record so far.
    var count: Int { fieldCount }

    func withRecord(line: Int, offset: Int, tooLongField: Int?, _ body: (BorrowedRecord) -> Void) {
        let view = FieldView(bytes: UnsafeBufferPointer(start: bytes, count: byteCount),
                             ends: UnsafeBufferPointer(start: ends, count: fieldCount))
        body(BorrowedRecord(line: line, offset: offset, tooLongField: tooLongField, fields: view))
        byteCount = 0
        fieldCount = 0
    }

    private func growBytes(to needed: Int) {
        var capacity = byteCapacity
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    private func growEnds() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        grown.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        endCapacity *= 2
    }
}
