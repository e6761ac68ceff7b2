/// FNV-1a, a small fast hash of byte strings (ids, cells) for in-memory lookups
/// (the cell caches of ingest, the duplicate fingerprints of normalize, the theme keywords of score).
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable
    public static func hash<C: Sequence>(_ bytes: C, seed: UInt64 = offsetBasis) -> UInt64 where C.Element == UInt8 {
        var value = seed
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }
}
