/// A set of 64-bit hashes in one flat array: open addressing with linear
/// probing, about 11 bytes per key, no allocation per key. It only says
/// "seen before"; the caller compares the ids themselves for keys seen twice.
struct HashSet64 {
    private var slots: [UInt64]
    private let capacity: Int

    /// Room for `count` keys at a load of three quarters. The capacity is not rounded
    /// to a power of two, so memory grows in proportion to the rows.
    init(count: Int) {
        capacity = max(16, count + count / 3 + 1)
        slots = Array(repeating: 0, count: capacity)
    }

    /// Adds `hash`; false when it was already there.
    mutating func insert(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 0x9e37_79b9_7f4a_7c15 : hash
        var index = Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(capacity)).high)
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = key
                return true
            }
            if slot == key { return false }
            index += 1
            if index == capacity { index = 0 }
        }
    }
}
