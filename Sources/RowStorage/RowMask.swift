/// A set of row numbers as one bit per row: the rows of a file that lost to a
/// later copy (SPEC §4) and are left out of every figure.
public struct RowMask: Sendable, Equatable {
    private var words: [UInt64]

    public init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    public mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    @inline(__always)
    public func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
