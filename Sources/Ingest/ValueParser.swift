import SurveyModel

/// Turns answer cells into one-byte codes (SPEC §3.4): 0 = missing, else
/// `value − min + 1` of the item's scale (1–5 for a 1–5 item, value + 1 for
/// 0–10); nil = invalid. `AnswerDecoder` does it for a whole form on the hot
/// path; these are the shared byte helpers and a one-scale convenience.
public enum ValueParser {
    /// What the parsers read: the bytes of one cell, indexed by Int (an `ArraySlice`,
    /// or a borrowed `UnsafeBufferPointer` slice on the hot path).
    public typealias Bytes = RandomAccessCollection<UInt8>

    /// The code of one cell on `scale` (builds the scale's tables each call: for tests and cold paths).
    public static func code<Cell: Bytes>(_ cell: Cell, scale: Scale) -> UInt8? {
        AnswerDecoder([scale]).code(cell, item: 0)
    }

    /// True when a cell means "no answer" (SPEC §3.4), used for optional text columns too.
    /// A cell with an ASCII byte that no missing text holds is none of them, as written or folded
    /// (the first such byte ends the scan: a comment costs a few bytes' look). A non-ASCII cell is
    /// compared as it is, then folded (§3 "Comparing text").
    public static func isMissing<Cell: Bytes>(_ cell: Cell) -> Bool {
        let field = trimmed(cell)
        if field.isEmpty { return true }
        if !missingAlphabet.admits(field) { return false }
        if AnswerDecoder.commonMissing.contains(where: { matches(field, $0) }) { return true }
        if field.allSatisfy({ $0 < 0x80 }) { return false }
        let folded = Array(TextKey.fold(String(decoding: field, as: UTF8.self)).utf8)
        return AnswerDecoder.commonMissing.contains { matches(folded, $0) }
    }

    private static let missingAlphabet = ASCIIAlphabet(AnswerDecoder.commonMissing)

    /// ASCII white space stripped at both ends.
    public static func trimmed<Cell: Bytes>(_ cell: Cell) -> Cell.SubSequence {
        var lower = cell.startIndex, upper = cell.endIndex
        while lower < upper, isSpace(cell[lower]) { lower = cell.index(after: lower) }
        while upper > lower, isSpace(cell[cell.index(before: upper)]) { upper = cell.index(before: upper) }
        return cell[lower..<upper]
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

    /// A trimmed `field` equals the folded `token` (single spaces, lower case): ASCII letters
    /// compared without case, a run of white space in the field matching one space (no copy).
    static func matches<Field: Collection<UInt8>>(_ field: Field, _ token: [UInt8]) -> Bool {
        guard field.count >= token.count else { return false }
        var position = token.startIndex
        var index = field.startIndex
        while index != field.endIndex {
            let byte = field[index]
            guard position != token.endIndex else { return false }
            if isSpace(byte) {
                guard token[position] == 32 else { return false }
                while index != field.endIndex, isSpace(field[index]) { index = field.index(after: index) }
            } else {
                guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == token[position] else { return false }
                index = field.index(after: index)
            }
            position += 1
        }
        return position == token.endIndex
    }

    /// Digits only, at most `digits` of them.
    static func integer<Field: Collection<UInt8>>(_ field: Field, digits: Int) -> Int? {
        guard !field.isEmpty, field.count <= digits else { return nil }
        var value = 0
        for byte in field {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
