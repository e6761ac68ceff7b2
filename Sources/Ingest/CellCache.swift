import SurveyModel

/// Remembers what each distinct cell of a column turned into (an area index, a
/// breakdown code), so that a million rows cost a hash and a byte comparison each
/// instead of building a String and folding its case. Columns with more distinct
/// values than `limit` are still answered, just without caching the rest.
struct CellCache<Value> {
    private var entries: [(bytes: [UInt8], value: Value)] = []
    private var byHash: [UInt64: Int] = [:]
    private static var limit: Int { 4096 }

    mutating func value<Cell: ValueParser.Bytes>(for cell: Cell, compute: (Cell) -> Value) -> Value {
        let hash = FNV1a.hash(cell)
        if let index = byHash[hash], entries[index].bytes.elementsEqual(cell) { return entries[index].value }
        let value = compute(cell)
        if entries.count < Self.limit, byHash[hash] == nil {
            byHash[hash] = entries.count
            entries.append((Array(cell), value))
        }
        return value
    }
}
