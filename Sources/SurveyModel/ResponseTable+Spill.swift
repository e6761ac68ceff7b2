/// How a chunk of rows is written to a spill file and read back: three counts,
/// then each column's raw bytes. The breakdown pools stay in memory with the store.
extension ResponseTable {
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 + count * (itemCount + 28 + 4 * breakdowns.count) + ids.bytes.count
                              + comments.bytes.count)
        func put<T>(_ column: [T]) { column.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        put([Int64(count), Int64(ids.bytes.count), Int64(comments.bytes.count)])
        put(answers)
        put(area)
        put(wave)
        put(submitted)
        put(file)
        put(line)
        put(ids.ends.map { UInt32(truncatingIfNeeded: $0) })
        put(ids.bytes)
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
        answers = try reader.take(rows * itemCount, UInt8.self)
        area = try reader.take(rows, UInt16.self)
        wave = try reader.take(rows, Int32.self)
        submitted = try reader.take(rows, Int64.self)
        file = try reader.take(rows, UInt16.self)
        line = try reader.take(rows, UInt32.self)
        let idEnds = try reader.take(rows, UInt32.self).map(Int.init)
        ids = TextColumn(bytes: try reader.take(idBytes, UInt8.self), ends: idEnds)
        let commentEnds = try reader.take(rows, UInt32.self).map(Int.init)
        comments = TextColumn(bytes: try reader.take(commentBytes, UInt8.self), ends: commentEnds)
        for column in breakdowns.indices { breakdowns[column] = try reader.take(rows, UInt32.self) }
        guard reader.isAtEnd else { throw ColumnReader.damaged }
    }
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
