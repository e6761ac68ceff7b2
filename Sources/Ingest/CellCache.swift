import Foundation
import SurveyModel

/// Remembers what each distinct cell of a column turned into (an area index, a
/// breakdown code), so that a million rows cost a hash and a byte comparison each
/// instead of building a String and folding its case. Columns with more distinct
/// values than `limit` are still answered, just without caching the rest.
///
/// The table is open-addressed on the cell's FNV-1a hash (no second hash of the hash, as a
/// `Dictionary` would do), with the cached cells' bytes end to end in one array.
struct CellCache<Value> {
    private var values: [Value] = []
    private var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Index into `values` + 1 per slot, 0 for an empty one; allocated at the first miss.
    private var slots: [Int32] = []
    private static var limit: Int { 4096 }
    /// A power of two, twice `limit`: probes stay short.
    private static var slotCount: Int { 8192 }

    /// Inlined, so that `compute` is called without a closure context (no retain of what it
    /// captures per cell); the probe and the insertion stay out of line.
    @inline(__always)
    mutating func value<Cell: ValueParser.Bytes>(for cell: Cell, compute: (Cell) -> Value) -> Value {
        let hash = FNV1a.hash(cell)
        let (slot, entry) = find(cell, hash: hash)
        if let entry { return values[entry] }
        let value = compute(cell)
        remember(value, cell: cell, hash: hash, slot: slot)
        return value
    }

    /// The cached entry of `cell`, or the empty slot where it would go.
    private func find<Cell: ValueParser.Bytes>(_ cell: Cell, hash: UInt64) -> (slot: Int, entry: Int?) {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (Self.slotCount - 1)
        if slots.isEmpty { return (slot, nil) }
        while case let entry = Int(slots[slot]), entry != 0 {
            if hashes[entry - 1] == hash, matches(entry - 1, cell) { return (slot, entry - 1) }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        return (slot, nil)
    }

    private mutating func remember<Cell: ValueParser.Bytes>(_ value: Value, cell: Cell, hash: UInt64, slot: Int) {
        guard values.count < Self.limit else { return }
        if slots.isEmpty { slots = Array(repeating: 0, count: Self.slotCount) }
        values.append(value)
        hashes.append(hash)
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
        slots[slot] = Int32(values.count)
    }

    private func matches<Cell: ValueParser.Bytes>(_ entry: Int, _ cell: Cell) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1], count = ends[entry] - start
        guard count == cell.count else { return false }
        if count == 0 { return true }
        let same = bytes.withUnsafeBufferPointer { cached in
            cell.withContiguousStorageIfAvailable { memcmp(cached.baseAddress! + start, $0.baseAddress!, count) == 0 }
        }
        return same ?? bytes[start..<ends[entry]].elementsEqual(cell)
    }
}
