/// An open-addressing hash table from a 64-bit key (an id's hash) to a row: one flat
/// array, linear probing, no per-entry allocation. Rows sharing a key are told apart
/// by the caller, who compares the ids themselves.
struct RowIndexTable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let mask: Int

    /// Room for `count` entries at a load of at most one half.
    init(count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        rows = Array(repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The slot holding `key`, or the empty slot where it belongs.
    private func slot(_ key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while rows[index] >= 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    subscript(key: UInt64) -> Int? {
        get {
            let index = slot(key)
            return rows[index] >= 0 ? Int(rows[index]) : nil
        }
        set {
            let index = slot(key)
            keys[index] = key
            rows[index] = Int32(newValue ?? -1)
        }
    }
}
