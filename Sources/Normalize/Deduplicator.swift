import Ingest
import RowStorage
import SurveyModel

/// A row that lost to a later copy of the same id in the same wave.
public struct DuplicateRow: Sendable, Hashable {
    public var fileIndex: Int
    public var line: Int
    /// Byte offset of the record in its file, to read its raw fields again for the rejects.
    public var offset: Int

    public init(fileIndex: Int, line: Int, offset: Int = 0) {
        self.fileIndex = fileIndex
        self.line = line
        self.offset = offset
    }
}

/// Resolves duplicates (SPEC §4): the same trimmed id in the same survey kind
/// and wave keeps the row with the latest `submitted_at`; a tie keeps the later
/// row in input order (later file, then later line).
///
/// Two passes over the row stores, so memory stays at about 5 bytes per row:
/// the first takes a 64-bit hash of every (id, wave), puts them in a
/// `FingerprintSet` half a million at a time in the order of their top byte
/// (`byLeadingByte`) and notes the hashes it reports seen; the second (only
/// when there are such hashes) reads the keys and places of the rows with
/// those hashes and compares ids, waves and times exactly, so a hash collision
/// or a shared fingerprint never merges two rows. Neither pass reads the answers.
public enum Deduplicator {
    /// - Parameters:
    ///   - parts: one kind's row stores, in input order.
    ///   - batchRows: how many hashes are sorted and inserted together (`byLeadingByte`); the
    ///     result is the same for any value (tests use small ones).
    /// - Throws: `PipelineError.other` when a spill file cannot be read back.
    public static func resolve(_ parts: [RowStore], kind: SurveyKind,
                               batchRows: Int = defaultBatchRows) throws(PipelineError)
        -> (rows: SurveyRows, duplicates: [DuplicateRow]) {
        let rowCount = parts.reduce(0) { $0 + $1.count }
        var seen = FingerprintSet(count: rowCount)
        var repeated = Set<UInt64>()
        var batch: [UInt64] = []
        batch.reserveCapacity(min(rowCount, batchRows))
        func insertBatch() {
            for key in byLeadingByte(batch) where !seen.insert(key) { repeated.insert(key) }
            batch.removeAll(keepingCapacity: true)
        }
        for part in parts {
            for chunk in 0..<part.chunkCount {
                eachHash(try part.keys(chunk)) { _, key in batch.append(key) }
                if batch.count >= batchRows { insertBatch() }
            }
        }
        insertBatch()
        var excluded = [RowMask?](repeating: nil, count: parts.count)
        guard !repeated.isEmpty else { return (SurveyRows(kind: kind, parts: parts, excluded: excluded), []) }

        var candidates: [Key: [Candidate]] = [:]
        for (index, part) in parts.enumerated() {
            for chunk in 0..<part.chunkCount {
                let keys = try part.keys(chunk, places: true)
                var rows: [Int] = []
                eachHash(keys) { row, key in
                    if repeated.contains(key) { rows.append(row) }
                }
                for row in rows {
                    let key = Key(wave: keys.wave[row], id: Array(keys.ids[row]))
                    candidates[key, default: []].append(Candidate(
                        part: index, row: chunk * RowStore.chunkRows + row, submitted: keys.submitted[row],
                        place: DuplicateRow(fileIndex: Int(keys.file[row]), line: Int(keys.line[row]),
                                            offset: Int(keys.offset[row]))))
                }
            }
        }
        var losers: [Candidate] = []
        for group in candidates.values where group.count > 1 {
            // Candidates arrive in input order, so the last row with the latest time wins ties.
            var winner = 0
            for index in group.indices where group[index].submitted >= group[winner].submitted { winner = index }
            losers += group.indices.filter { $0 != winner }.map { group[$0] }
        }
        losers.sort { ($0.part, $0.row) < ($1.part, $1.row) }
        for loser in losers {
            if excluded[loser.part] == nil { excluded[loser.part] = RowMask(count: parts[loser.part].count) }
            excluded[loser.part]?.insert(loser.row)
        }
        return (SurveyRows(kind: kind, parts: parts, excluded: excluded), losers.map(\.place))
    }

    /// Duplicates among rows already in memory: the kept rows in order, and the losers.
    public static func resolve(_ table: ResponseTable) throws(PipelineError)
        -> (kept: ResponseTable, duplicates: [DuplicateRow]) {
        let result = try resolve([RowStore(table: table)], kind: table.kind)
        return (try result.rows.keptRows(), result.duplicates)
    }

    /// The (id, wave) hash of every row of a chunk, in row order, read from the id column's
    /// buffers in place (no slice and no reference count per row).
    private static func eachHash(_ keys: ChunkKeys, _ body: (_ row: Int, _ hash: UInt64) -> Void) {
        keys.ids.bytes.withUnsafeBufferPointer { bytes in
            keys.ids.ends.withUnsafeBufferPointer { ends in
                var start = 0
                for row in 0..<min(ends.count, keys.wave.count) {
                    let end = ends[row]
                    body(row, hash(UnsafeBufferPointer(rebasing: bytes[start..<end]), wave: keys.wave[row]))
                    start = end
                }
            }
        }
    }

    /// Hashes sorted and inserted together by default (4 MiB of them, and 4 MiB sorted).
    public static let defaultBatchRows = 1 << 19

    /// `hashes` ordered by their top byte (a counting sort, stable). `FingerprintSet` places a hash
    /// by its high bits, so inserting in this order walks its table one 256th at a time, in the
    /// processor's cache, instead of missing it at random once per row (which set comes out does
    /// not depend on the order).
    private static func byLeadingByte(_ hashes: [UInt64]) -> [UInt64] {
        var starts = [Int](repeating: 0, count: 257)
        for hash in hashes { starts[Int(hash >> 56) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        return [UInt64](unsafeUninitializedCapacity: hashes.count) { ordered, count in
            for hash in hashes {
                let bucket = Int(hash >> 56)
                ordered.initializeElement(at: starts[bucket], to: hash)
                starts[bucket] += 1
            }
            count = hashes.count
        }
    }

    /// FNV-1a over the id bytes, then the wave, then a final mix so every bit counts.
    private static func hash(_ id: UnsafeBufferPointer<UInt8>, wave: Int32) -> UInt64 {
        var value = (FNV1a.hash(id) ^ UInt64(UInt32(bitPattern: wave))) &* 0x100_0000_01b3
        value = (value ^ (value >> 33)) &* 0xff51_afd7_ed55_8ccd
        value = (value ^ (value >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return value ^ (value >> 33)
    }

    private struct Key: Hashable {
        var wave: Int32
        var id: [UInt8]
    }

    private struct Candidate {
        var part: Int
        var row: Int
        var submitted: Int64
        var place: DuplicateRow
    }
}
