import SurveyModel

/// A row that lost to a later copy of the same id in the same wave.
public struct DuplicateRow: Sendable, Hashable {
    public var fileIndex: Int
    public var line: Int
}

/// Resolves duplicates (SPEC §4): the same trimmed id in the same survey kind
/// and wave keeps the row with the latest `submitted_at`; a tie keeps the later
/// row in input order (later file, then later line). Rows must be in input order.
public enum Deduplicator {
    public static func resolve(_ table: ResponseTable) -> (kept: ResponseTable, duplicates: [DuplicateRow]) {
        var winner = RowIndexTable(count: table.count)
        var overflow: [String: Int] = [:]
        var keep = [Bool](repeating: true, count: table.count)
        for row in 0..<table.count {
            let key = hash(table.ids[row], wave: table.wave[row])
            var previous = winner[key]
            if let other = previous, !sameKey(table, other, row) {
                let text = "\(table.wave[row])|\(table.ids.string(row))"
                previous = overflow[text]
                if previous == nil { overflow[text] = row }
                if let other = previous { overflow[text] = winnerOf(table, other, row, keep: &keep) }
                continue
            }
            winner[key] = previous.map { winnerOf(table, $0, row, keep: &keep) } ?? row
        }
        let duplicates = (0..<table.count).filter { !keep[$0] }.map {
            DuplicateRow(fileIndex: Int(table.file[$0]), line: Int(table.line[$0]))
        }
        return (duplicates.isEmpty ? table : table.filtered(keep: keep), duplicates)
    }

    /// `later` comes after `earlier` in input order, so it wins ties.
    private static func winnerOf(_ table: ResponseTable, _ earlier: Int, _ later: Int, keep: inout [Bool]) -> Int {
        if table.submitted[later] >= table.submitted[earlier] {
            keep[earlier] = false
            return later
        }
        keep[later] = false
        return earlier
    }

    private static func sameKey(_ table: ResponseTable, _ a: Int, _ b: Int) -> Bool {
        table.wave[a] == table.wave[b] && table.ids[a].elementsEqual(table.ids[b])
    }

    /// FNV-1a over the id bytes, then the wave.
    private static func hash(_ id: ArraySlice<UInt8>, wave: Int32) -> UInt64 {
        (FNV1a.hash(id) ^ UInt64(UInt32(bitPattern: wave))) &* 0x100_0000_01b3
    }
}
