import SurveyModel

/// The accepted rows of one input file, in chunks of `chunkRows` rows: in a
/// spill file while the pipeline runs (so memory does not grow with the
/// input), or in memory for tests. The scoring core reads it chunk by chunk.
public struct RowStore: Sendable {
    /// Rows per chunk: the unit of the scoring core's parallel work (SPEC §6).
    public static let chunkRows = 32_768

    public let kind: SurveyKind
    public let itemCount: Int
    /// The breakdown texts every chunk's codes index.
    public let breakdownPools: [StringPool]
    /// Rows in all chunks.
    public let count: Int
    /// The wave keys present, sorted.
    public let waves: [Int32]
    private let storage: Storage
    /// Added to every row's line number when a chunk is read (a store of a file's later piece
    /// numbers lines from the piece's start).
    private var lineOffset: UInt32 = 0

    enum Storage: Sendable {
        case memory([ResponseTable])
        /// Each chunk's byte range in the file, and how many of its first bytes hold the keys.
        case spill(SpillFile, [(range: Range<Int>, keyBytes: Int)])
    }

    init(kind: SurveyKind, itemCount: Int, breakdownPools: [StringPool], count: Int, waves: [Int32],
         storage: Storage) {
        self.kind = kind
        self.itemCount = itemCount
        self.breakdownPools = breakdownPools
        self.count = count
        self.waves = waves
        self.storage = storage
    }

    /// A store over rows already in memory, cut into chunks like a spilled one.
    public init(table: ResponseTable) {
        var chunks: [ResponseTable] = []
        for start in stride(from: 0, to: table.count, by: Self.chunkRows) {
            chunks.append(table.slice(start..<min(table.count, start + Self.chunkRows)))
        }
        self.init(kind: table.kind, itemCount: table.itemCount, breakdownPools: table.breakdownPools,
                  count: table.count, waves: RowStoreWriter.distinctWaves(table.wave),
                  storage: .memory(chunks))
    }

    /// Bytes this store wrote to its spill file (0 in memory).
    public var spilledBytes: Int {
        switch storage {
        case .memory: return 0
        case .spill(_, let chunks): return chunks.reduce(0) { $0 + $1.range.count }
        }
    }

    public var chunkCount: Int {
        switch storage {
        case .memory(let tables): return tables.count
        case .spill(_, let chunks): return chunks.count
        }
    }

    /// The same rows with `lines` added to every line number.
    public func shiftingLines(by lines: Int) -> RowStore {
        var shifted = self
        shifted.lineOffset &+= UInt32(truncatingIfNeeded: lines)
        return shifted
    }

    /// Chunk `index`; its rows are this store's rows `index * chunkRows ..< …`.
    /// - Throws: `PipelineError.other` when the spill file cannot be read back.
    public func chunk(_ index: Int) throws(PipelineError) -> ResponseTable {
        var table = try storedChunk(index)
        if lineOffset != 0 { table.line = table.line.map { $0 &+ lineOffset } }
        return table
    }

    private func storedChunk(_ index: Int) throws(PipelineError) -> ResponseTable {
        switch storage {
        case .memory(let tables):
            var table = tables[index]
            table.breakdownPools = breakdownPools
            return table
        case .spill(let file, let chunks):
            let range = chunks[index].range
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: range.count, alignment: 16)
            defer { buffer.deallocate() }
            try file.read(into: buffer, at: range.lowerBound)
            return try ResponseTable(decoding: UnsafeRawBufferPointer(buffer), kind: kind, itemCount: itemCount,
                                     breakdownPools: breakdownPools)
        }
    }

    /// The wave and id of every row of chunk `index`, read without the other columns; with
    /// `places`, also each row's time, file, line and byte offset.
    public func keys(_ index: Int, places: Bool = false) throws(PipelineError) -> ChunkKeys {
        var keys: ChunkKeys
        switch storage {
        case .memory(let tables):
            let table = tables[index]
            keys = ChunkKeys(wave: table.wave, ids: table.ids)
            if places {
                (keys.submitted, keys.file, keys.line, keys.offset) = (table.submitted, table.file, table.line, table.offset)
            }
        case .spill(let file, let chunks):
            let rows = min(Self.chunkRows, count - index * Self.chunkRows)
            let bytes = chunks[index].keyBytes + (places ? rows * ResponseTable.encodedPlaceBytesPerRow(
                itemCount: itemCount, breakdownCount: breakdownPools.count) : 0)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 16)
            defer { buffer.deallocate() }
            try file.read(into: buffer, at: chunks[index].range.lowerBound)
            keys = try ResponseTable.decodingKeys(UnsafeRawBufferPointer(buffer), places: places)
        }
        if lineOffset != 0 { keys.line = keys.line.map { $0 &+ lineOffset } }
        return keys
    }

    /// Every row in one table (tests and small inputs).
    public func allRows() throws(PipelineError) -> ResponseTable {
        var table = ResponseTable(kind: kind, itemCount: itemCount, breakdownCount: breakdownPools.count)
        table.breakdownPools = breakdownPools
        for index in 0..<chunkCount { table.append(contentsOf: try chunk(index)) }
        return table
    }
}

/// Fills a `RowStore` while a file is read: rows go into `current`; every
/// `chunkRows` rows the chunk is written to the spill file and the buffer reused.
public struct RowStoreWriter {
    /// The chunk being filled. Append a row's columns, then call `rowAdded()`.
    public var current: ResponseTable
    private let spill: SpillFile?
    private var chunks: [(range: Range<Int>, keyBytes: Int)] = []
    private var tables: [ResponseTable] = []
    private var count = 0
    private var waves: [Int32] = []

    /// - Parameter spill: where full chunks go; nil keeps them in memory.
    public init(kind: SurveyKind, itemCount: Int, breakdownCount: Int, spill: SpillFile?) {
        current = ResponseTable(kind: kind, itemCount: itemCount, breakdownCount: breakdownCount)
        self.spill = spill
    }

    @inline(__always)
    public mutating func rowAdded() throws(PipelineError) {
        if current.count == RowStore.chunkRows { try flush() }
    }

    /// Writes the last chunk and hands over the store.
    public mutating func finish() throws(PipelineError) -> RowStore {
        try flush()
        let storage: RowStore.Storage = spill.map { .spill($0, chunks) } ?? .memory(tables)
        return RowStore(kind: current.kind, itemCount: current.itemCount, breakdownPools: current.breakdownPools,
                        count: count, waves: waves.sorted(), storage: storage)
    }

    private mutating func flush() throws(PipelineError) {
        guard current.count > 0 else { return }
        count += current.count
        for key in Self.distinctWaves(current.wave) where !waves.contains(key) { waves.append(key) }
        guard let spill else {
            tables.append(current)
            current = current.emptyCopy
            current.breakdownPools = tables[tables.count - 1].breakdownPools
            return
        }
        // The spill format stores text ends in 32 bits per chunk.
        guard current.ids.bytes.count <= UInt32.max, current.comments.bytes.count <= UInt32.max else {
            throw .other("\(RowStore.chunkRows) rows hold more than 4 GiB of ids or comments; "
                         + "lower inputs.max_field_bytes")
        }
        let bytes = current.encoded()
        let written = bytes.withUnsafeBytes { raw in
            Result { () throws(PipelineError) in try spill.append(raw) }
        }
        chunks.append((try written.get(), current.encodedKeyBytes))
        current.removeAllRows()
    }

    /// The distinct keys of a wave column, in first-seen order. There are few, so a scan
    /// that remembers the last key beats hashing every row.
    static func distinctWaves(_ column: [Int32]) -> [Int32] {
        var seen: [Int32] = []
        var last: Int32?
        for key in column where key != last {
            last = key
            if !seen.contains(key) { seen.append(key) }
        }
        return seen
    }
}
