import SurveyModel

/// How a chunk of rows is written to a spill file and read back: three counts,
/// then each column's raw bytes. The duplicate keys (wave, ids) come first so they
/// can be read alone, then where each row came from (time, file, line, offset) for
/// the rows whose keys repeat. The breakdown pools stay in memory with the store.
extension ResponseTable {
    /// Bytes of the counts and the key columns at the start of an encoded chunk.
    var encodedKeyBytes: Int { 24 + count * 8 + ids.bytes.count }

    /// Bytes per row of the place columns that follow the keys.
    static let encodedPlaceBytesPerRow = 8 + 2 + 4 + 8

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 + count * (itemCount + 28 + 4 * breakdowns.count) + ids.bytes.count
                              + comments.bytes.count)
        func put<T>(_ column: [T]) { column.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        put([Int64(count), Int64(ids.bytes.count), Int64(comments.bytes.count)])
        put(wave)
        put(ids.ends.map { UInt32(truncatingIfNeeded: $0) })
        put(ids.bytes)
        put(submitted)
        put(file)
        put(line)
        put(offset)
        put(answers)
        put(area)
        put(comments.ends.map { UInt32(truncatingIfNeeded: $0) })
        put(comments.bytes)
        for column in breakdowns { put(column) }
        return bytes
    }

    /// - Throws: `PipelineError.other` when the bytes do not hold a whole chunk.
    init(decoding raw: UnsafeRawBufferPointer, kind: SurveyKind, itemCount: Int,
         breakdownPools: [StringPool]) throws(PipelineError) {
        var reader = ColumnReader(raw: raw)
        let counts = try reader.take(3, Int64.self).map(Int.init)
        let (rows, idBytes, commentBytes) = (counts[0], counts[1], counts[2])
        self.init(kind: kind, itemCount: itemCount, breakdownCount: breakdownPools.count)
        self.breakdownPools = breakdownPools
        (wave, ids) = try Self.keys(&reader, rows: rows, idBytes: idBytes)
        submitted = try reader.take(rows, Int64.self)
        file = try reader.take(rows, UInt16.self)
        line = try reader.take(rows, UInt32.self)
        offset = try reader.take(rows, Int64.self)
        answers = try reader.take(rows * itemCount, UInt8.self)
        area = try reader.take(rows, UInt16.self)
        let commentEnds = try reader.take(rows, UInt32.self).map(Int.init)
        comments = TextColumn(bytes: try reader.take(commentBytes, UInt8.self), ends: commentEnds)
        for column in breakdowns.indices { breakdowns[column] = try reader.take(rows, UInt32.self) }
        guard reader.isAtEnd else { throw ColumnReader.damaged }
    }

    /// The key columns, and with `places` the place columns too, from the start of an
    /// encoded chunk (`encodedKeyBytes`, plus `encodedPlaceBytesPerRow` per row).
    static func decodingKeys(_ raw: UnsafeRawBufferPointer, places: Bool) throws(PipelineError) -> ChunkKeys {
        var reader = ColumnReader(raw: raw)
        let counts = try reader.take(3, Int64.self).map(Int.init)
        let (wave, ids) = try keys(&reader, rows: counts[0], idBytes: counts[1])
        var keys = ChunkKeys(wave: wave, ids: ids)
        if places {
            keys.submitted = try reader.take(counts[0], Int64.self)
            keys.file = try reader.take(counts[0], UInt16.self)
            keys.line = try reader.take(counts[0], UInt32.self)
            keys.offset = try reader.take(counts[0], Int64.self)
        }
        guard reader.isAtEnd else { throw ColumnReader.damaged }
        return keys
    }

    private static func keys(_ reader: inout ColumnReader, rows: Int,
                             idBytes: Int) throws(PipelineError) -> ([Int32], TextColumn) {
        let wave = try reader.take(rows, Int32.self)
        let idEnds = try reader.take(rows, UInt32.self).map(Int.init)
        return (wave, TextColumn(bytes: try reader.take(idBytes, UInt8.self), ends: idEnds))
    }
}

/// What duplicate resolution reads of a chunk: each row's wave and id, and when asked
/// for, where it came from (empty otherwise).
public struct ChunkKeys: Sendable {
    public var wave: [Int32]
    public var ids: TextColumn
    public var submitted: [Int64] = []
    public var file: [UInt16] = []
    public var line: [UInt32] = []
    public var offset: [Int64] = []
}

/// Reads typed columns off the front of a byte buffer (no alignment assumed).
private struct ColumnReader {
    static let damaged = PipelineError.other("a temporary file of this run was damaged; run again")
    let raw: UnsafeRawBufferPointer
    var offset = 0

    var isAtEnd: Bool { offset == raw.count }

    mutating func take<T>(_ count: Int, _: T.Type) throws(PipelineError) -> [T] {
        let length = count * MemoryLayout<T>.stride
        guard count >= 0, offset + length <= raw.count else { throw Self.damaged }
        let source = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])
        offset += length
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
    }
}
