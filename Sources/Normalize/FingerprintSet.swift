/// Which 64-bit hashes were seen before, in about 5.3 bytes per key: one flat
/// array of 32-bit fingerprints (the low half of each hash) placed by the high
/// half (open addressing, linear probing). It can answer "seen" for a hash it
/// has not seen (a neighbour with the same fingerprint) but never "new" for one
/// it has; the caller compares the rows of every hash it reports seen exactly.
/// Small slots keep the table in the processor's cache longer, which is most of
/// its speed.
struct FingerprintSet {
    private var slots: [UInt32]
    private let capacity: Int

    /// Room for `count` keys at a load of three quarters. The capacity is not rounded
    /// to a power of two, so memory grows in proportion to the rows.
    init(count: Int) {
        capacity = max(16, count + count / 3 + 1)
        slots = Array(repeating: 0, count: capacity)
    }

    /// Adds `hash`; false when it (or a key with the same fingerprint nearby) was there.
    mutating func insert(_ hash: UInt64) -> Bool {
        let fingerprint = max(1, UInt32(truncatingIfNeeded: hash))
        var index = Int(truncatingIfNeeded: (hash >> 32).multipliedFullWidth(by: UInt64(capacity) << 32).high)
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = fingerprint
                return true
            }
            if slot == fingerprint { return false }
            index += 1
            if index == capacity { index = 0 }
        }
    }
}
