import SurveyModel

/// How a chunk of rows is written to a spill file and read back: the row count and each
/// text column's byte count, then every column of `ResponseTable.columns` in its order. The
/// duplicate keys (wave, ids) come first so they can be read alone, then where each row came
/// from (time, file, line, offset) for the rows whose keys repeat. The breakdown pools stay
/// in memory with the store. A chunk takes `itemCount` bytes per row for the answers, 36 for
/// the other fixed columns, 4 per breakdown, plus the id and comment text (about 78 bytes per
/// row on the benchmark data of docs/PERFORMANCE.md).
extension ResponseTable {
    /// The text columns, whose byte counts follow the row count at the start of a chunk.
    private static var textColumns: Int { columns.lazy.filter { $0.textBytes != nil }.count }

    /// Bytes of the counts at the start of a chunk.
    private static var headerBytes: Int { (1 + textColumns) * MemoryLayout<Int64>.stride }

    /// Bytes of the counts and the key columns at the start of an encoded chunk.
    var encodedKeyBytes: Int {
        Self.headerBytes + Self.columns.filter { $0.group == .key }.reduce(0) { total, column in
            total + count * column.bytesPerRow(itemCount, breakdowns.count) + (column.textBytes?(self) ?? 0)
        }
    }

    /// Bytes per row of the place columns that follow the keys (all of fixed width).
    static func encodedPlaceBytesPerRow(itemCount: Int, breakdownCount: Int) -> Int {
        columns.filter { $0.group == .place }.reduce(0) { $0 + $1.bytesPerRow(itemCount, breakdownCount) }
    }

    func encoded() -> [UInt8] {
        let texts = Self.columns.compactMap { $0.textBytes?(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerBytes + texts.reduce(0, +) + Self.columns.reduce(0) {
            $0 + count * $1.bytesPerRow(itemCount, breakdowns.count)
        })
        ([Int64(count)] + texts.map(Int64.init)).withUnsafeBytes { bytes.append(contentsOf: $0) }
        for column in Self.columns { column.write(self) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// - Throws: `PipelineError.other` when the bytes do not hold a whole chunk.
    init(decoding raw: UnsafeRawBufferPointer, kind: SurveyKind, itemCount: Int,
         breakdownPools: [StringPool]) throws(PipelineError) {
        self.init(kind: kind, itemCount: itemCount, breakdownCount: breakdownPools.count)
        self.breakdownPools = breakdownPools
        var reader = ColumnReader(raw: raw)
        try reader.read(into: &self, through: .payload)
    }

    /// The key columns, and with `places` the place columns too, from the start of an
    /// encoded chunk (`encodedKeyBytes`, plus `encodedPlaceBytesPerRow` per row).
    static func decodingKeys(_ raw: UnsafeRawBufferPointer, places: Bool) throws(PipelineError) -> ChunkKeys {
        // Keys and places have no per-item or per-breakdown width, so the shape does not matter.
        var table = ResponseTable(kind: .employee, itemCount: 0, breakdownCount: 0)
        var reader = ColumnReader(raw: raw)
        try reader.read(into: &table, through: places ? .place : .key)
        return ChunkKeys(wave: table.wave, ids: table.ids, submitted: table.submitted, file: table.file,
                         line: table.line, offset: table.offset)
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

/// Reads the columns of an encoded chunk off the front of a byte buffer, in
/// `ResponseTable.columns` order, up to a group; the buffer must end there.
private struct ColumnReader {
    static let damaged = PipelineError.other("a temporary file of this run was damaged; run again")
    let raw: UnsafeRawBufferPointer
    var offset = 0

    mutating func take(_ length: Int) throws(PipelineError) -> UnsafeRawBufferPointer {
        guard length >= 0, offset + length <= raw.count else { throw Self.damaged }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])
    }

    mutating func read(into table: inout ResponseTable, through last: ResponseColumn.Group) throws(PipelineError) {
        let counts = try take(8 * (1 + ResponseTable.columns.lazy.filter { $0.textBytes != nil }.count))
        let values = (0..<(counts.count / 8)).map { Int(counts.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        guard let rows = values.first, rows >= 0 else { throw Self.damaged }
        var texts = values.dropFirst().makeIterator()
        for column in ResponseTable.columns where column.group <= last {
            let textBytes = column.textBytes == nil ? 0 : (texts.next() ?? 0)
            try column.read(&table, rows, textBytes) { length throws(PipelineError) in try take(length) }
        }
        guard offset == raw.count else { throw Self.damaged }
    }
}
