import SurveyModel

/// Reads the partial file's fields back off a section held in memory, checking every
/// length against the bytes left, so a truncated or damaged file is an input error naming
/// the file and the byte offset, never a trap or a huge allocation.
struct ByteDecoder {
    let bytes: [UInt8]
    /// Where `bytes` start in the file.
    let base: Int
    let path: String
    private(set) var position = 0

    init(_ bytes: [UInt8], base: Int, path: String) {
        self.bytes = bytes
        self.base = base
        self.path = path
    }

    var remaining: Int { bytes.count - position }
    var offset: Int { base + position }

    func failure(_ what: String, at offset: Int? = nil) -> PipelineError {
        PartialFileError.damaged(path: path, offset: offset ?? self.offset, what: what)
    }

    mutating func take(_ length: Int, _ what: String) throws(PipelineError) -> ArraySlice<UInt8> {
        guard length >= 0, length <= remaining else {
            throw failure("\(what) needs \(length) bytes, \(remaining) left")
        }
        defer { position += length }
        return bytes[position..<(position + length)]
    }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(PipelineError) -> T {
        let slice = try take(MemoryLayout<T>.size, what)
        return slice.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
    }

    mutating func u8(_ what: String) throws(PipelineError) -> UInt8 { try integer(UInt8.self, what) }
    mutating func u32(_ what: String) throws(PipelineError) -> UInt32 { try integer(UInt32.self, what) }
    mutating func u64(_ what: String) throws(PipelineError) -> UInt64 { try integer(UInt64.self, what) }

    /// A 64-bit count of elements of at least `elementBytes` bytes each, which must fit in what is left.
    mutating func count(_ what: String, elementBytes: Int = 1) throws(PipelineError) -> Int {
        let start = offset
        let value = try u64(what)
        guard let count = Int(exactly: value), count <= remaining / max(1, elementBytes) else {
            throw failure("\(what) is \(value), more than the \(remaining) bytes left can hold", at: start)
        }
        return count
    }

    mutating func string(_ what: String) throws(PipelineError) -> String {
        let length = try count("length of \(what)")
        return String(decoding: try take(length, what), as: UTF8.self)
    }

    mutating func strings(_ what: String) throws(PipelineError) -> [String] {
        let count = try count("number of \(what)", elementBytes: 8)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string(what)) }
        return values
    }

    /// `count` little-endian integers one after another.
    mutating func integers<T: FixedWidthInteger>(_ count: Int, as _: T.Type, _ what: String) throws(PipelineError) -> [T] {
        let size = MemoryLayout<T>.size
        guard count <= remaining / size else { throw failure("\(count) values of \(what) need more than the \(remaining) bytes left") }
        let slice = try take(count * size, what)
        return slice.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
        }
    }

    /// A count that must fit in `Int` and be at most `limit`.
    mutating func bounded(_ what: String, limit: Int) throws(PipelineError) -> Int {
        let start = offset
        let value = try u64(what)
        guard let number = Int(exactly: value), number <= limit else {
            throw failure("\(what) is \(value), at most \(limit) expected", at: start)
        }
        return number
    }

    func expectEnd(_ what: String) throws(PipelineError) {
        guard remaining == 0 else { throw failure("\(remaining) bytes left over after \(what)") }
    }
}

/// The input errors of reading a partial file (exit 3), each naming the file.
public enum PartialFileError {
    public static func damaged(path: String, offset: Int, what: String) -> PipelineError {
        .input(file: path, line: nil, message: "not a readable partial file (truncated or damaged) at byte \(offset): "
               + "\(what); write it again with survey-pipeline score --partial")
    }
}
