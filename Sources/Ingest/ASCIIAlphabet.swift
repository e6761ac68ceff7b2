/// The ASCII bytes that occur in a set of folded texts, both cases, plus white
/// space. A cell holding any other ASCII byte cannot fold to one of those
/// texts (ASCII never folds to nothing, and composes only into non-ASCII), so
/// the costly Unicode fold is skipped for it: a long comment with a `é` is not
/// folded just to learn that it is not `N/A`.
struct ASCIIAlphabet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ texts: [[UInt8]]) {
        for byte in texts.joined() where byte < 0x80 {
            insert(byte)
            if byte >= 97 && byte <= 122 { insert(byte - 32) }
        }
        for byte in [9, 10, 11, 12, 13, 32] as [UInt8] { insert(byte) }
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    private func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
    }

    /// Every ASCII byte of `field` is in the alphabet (non-ASCII bytes are not judged).
    func admits<Field: Collection<UInt8>>(_ field: Field) -> Bool {
        field.allSatisfy { $0 >= 0x80 || contains($0) }
    }
}
