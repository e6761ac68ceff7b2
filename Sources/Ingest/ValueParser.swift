import SurveyModel

/// Turns answer cells into one-byte codes (SPEC §3.4): 0 = missing, 1–5 for
/// Likert and frequency, value + 1 for 0–10; nil = invalid. Works on raw bytes,
/// trimmed, ASCII case-insensitive, without allocating.
public enum ValueParser {
    /// What the parsers read: the bytes of one cell, indexed by Int (an `ArraySlice`,
    /// or a borrowed `UnsafeBufferPointer` slice on the hot path).
    public typealias Bytes = RandomAccessCollection<UInt8>

    public static func code<Cell: Bytes>(_ cell: Cell, scale: Scale) -> UInt8? {
        // Most cells are one digit: answer them before trimming and folding.
        if cell.count == 1, case let byte = cell[cell.startIndex], byte >= 48 && byte <= 57 {
            return code(number: Int(byte - 48), scale: scale)
        }
        let field = trimmed(cell)
        if field.isEmpty { return 0 }
        if let number = smallInteger(field) { return code(number: number, scale: scale) }
        if missingTokens.contains(where: { matches(field, $0) }) { return 0 }
        let labels: [(text: [UInt8], code: UInt8)]
        switch scale {
        case .likert: labels = likertLabels
        case .frequency: labels = frequencyLabels
        case .zeroToTen: return nil
        }
        return labels.first { matches(field, $0.text) }?.code
    }

    /// `field` equals the lower-case `token`, ASCII letters compared without case
    /// (no copy, no hashing: the tokens are few and most differ in length).
    private static func matches<Field: Collection<UInt8>>(_ field: Field, _ token: [UInt8]) -> Bool {
        guard field.count == token.count else { return false }
        return zip(field, token).allSatisfy { byte, expected in
            (byte >= 65 && byte <= 90 ? byte + 32 : byte) == expected
        }
    }

    private static func code(number: Int, scale: Scale) -> UInt8? {
        switch scale {
        case .likert, .frequency: return (1...5).contains(number) ? UInt8(number) : nil
        case .zeroToTen: return (0...10).contains(number) ? UInt8(number + 1) : nil
        }
    }

    /// True when a cell means "no answer" (SPEC §3.4), used for optional text columns too.
    public static func isMissing<Cell: Bytes>(_ cell: Cell) -> Bool {
        code(cell, scale: .zeroToTen) == 0
    }

    /// ASCII white space stripped at both ends.
    public static func trimmed<Cell: Bytes>(_ cell: Cell) -> Cell.SubSequence {
        var lower = cell.startIndex, upper = cell.endIndex
        while lower < upper, isSpace(cell[lower]) { lower = cell.index(after: lower) }
        while upper > lower, isSpace(cell[cell.index(before: upper)]) { upper = cell.index(before: upper) }
        return cell[lower..<upper]
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

    /// Digits only, at most two of them.
    private static func smallInteger<Field: Collection<UInt8>>(_ field: Field) -> Int? {
        guard field.count <= 2 else { return nil }
        var value = 0
        for byte in field {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static let missingTokens: [[UInt8]] =
        ["na", "n/a", "-", "don't know", "don\u{2019}t know", "prefer not to say"].map { Array($0.utf8) }

    private static let likertLabels: [(text: [UInt8], code: UInt8)] = [
        ("strongly disagree", 1), ("disagree", 2), ("neutral", 3), ("neither agree nor disagree", 3),
        ("agree", 4), ("strongly agree", 5),
    ].map { (Array($0.0.utf8), $0.1) }

    private static let frequencyLabels: [(text: [UInt8], code: UInt8)] = [
        ("never", 1), ("rarely", 2), ("sometimes", 3), ("often", 4), ("always", 5),
    ].map { (Array($0.0.utf8), $0.1) }
}
