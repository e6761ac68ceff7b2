import CSVParser
import SurveyModel

/// Reads the answer cells of one form's items into one-byte codes (SPEC §3.4),
/// in the order: the scale's `values` recodes, the integers min…max, `0-10`
/// integer labels (`10 - Extremely likely`), the missing texts, the labels.
/// Texts are compared as §3 says: ASCII cells byte by byte (case and white
/// space runs folded on the fly, no allocation); a non-ASCII cell is compared
/// as written, then folded with `TextKey.fold` and compared again (unless
/// its ASCII bytes rule every text out).
public struct AnswerDecoder: Sendable {
    /// What the hot path needs of an item's scale: plain values, no references.
    private struct Bounds {
        var min: Int
        var max: Int
        /// Digits an integer answer may have (2, or 3 for a max of 100).
        var digits: Int
        /// A one-digit cell may be answered before the recodes: the scale has none.
        var digitFastPath: Bool
        var integerLabels: Bool
        /// Index into `tables`.
        var table: Int
    }

    /// An item scale's texts as folded UTF-8 bytes → value.
    private struct Table: Sendable {
        var recodes: [(text: [UInt8], value: Int)]
        var missing: [[UInt8]]
        var labels: [(text: [UInt8], value: Int)]
        /// The ASCII of every text and the digits; nil when any text may follow (integer labels).
        var alphabet: ASCIIAlphabet?
    }

    private let bounds: [Bounds]
    private let tables: [Table]
    /// Ten per item: the code of the one-byte cell `0`…`9` when the digit fast path of `code`
    /// answers it, else `noDigitCode` (the cell takes the general path).
    private let digitCodes: [UInt8]
    private static let noDigitCode: UInt8 = 0xFF

    /// The missing texts of every scale (SPEC §3.4), folded.
    static let commonMissing: [[UInt8]] = ["na", "n/a", "-", "don't know", "don\u{2019}t know", "prefer not to say"]
        .map { Array(TextKey.fold($0).utf8) }

    /// One decoder for the items' scales, in item order.
    public init(_ scales: [Scale]) {
        var tables: [Table] = [], names: [Scale] = []
        var bounds: [Bounds] = []
        for scale in scales {
            let table: Int
            if let known = names.firstIndex(of: scale) {
                table = known
            } else {
                table = tables.count
                names.append(scale)
                let pairs = { (map: [String: Int]) in
                    map.sorted { $0.key < $1.key }.map { (text: Array($0.key.utf8), value: $0.value) }
                }
                let recodes = pairs(scale.recodes), labels = pairs(scale.labels)
                let missing = Self.commonMissing + scale.missing.map { Array($0.utf8) }
                let alphabet = ASCIIAlphabet(recodes.map(\.text) + missing + labels.map(\.text) + [Array("0123456789".utf8)])
                tables.append(Table(recodes: recodes, missing: missing, labels: labels,
                                    alphabet: scale.integerLabels ? nil : alphabet))
            }
            bounds.append(Bounds(min: scale.min, max: scale.max, digits: scale.max >= 100 ? 3 : 2,
                                 digitFastPath: scale.recodes.isEmpty, integerLabels: scale.integerLabels, table: table))
        }
        self.bounds = bounds
        self.tables = tables
        digitCodes = bounds.flatMap { scale in
            (0...9).map { digit in scale.digitFastPath ? Self.code(digit, scale) ?? Self.noDigitCode : Self.noDigitCode }
        }
    }

    /// The codes of one record's answers (the ingest hot path): item `i` is read from field `columns[i]`
    /// into `codes[i]`, as `code(_:item:)` reads it, one-digit cells by table. Every column must be a
    /// field of `record` and `codes` must hold one code per column.
    /// - Returns: the first item whose cell is invalid, nil when all are answers or missing.
    func decode(_ record: FieldView, columns: [Int], into codes: inout [UInt8]) -> Int? {
        let bytes = record.bytes, ends = record.ends
        precondition(codes.count >= columns.count, "one code slot per answer column")
        return columns.withUnsafeBufferPointer { columns in
            digitCodes.withUnsafeBufferPointer { digits in
                codes.withUnsafeMutableBufferPointer { codes in
                    for item in 0..<columns.count {
                        let field = columns[item]
                        precondition(field >= 0 && field < ends.count, "answer column outside the record")
                        let start = field == 0 ? 0 : ends[field - 1], end = ends[field]
                        if end - start == 1, case let digit = bytes[start] &- 48, digit < 10,
                           case let fast = digits[item * 10 + Int(digit)], fast != Self.noDigitCode {
                            codes[item] = fast
                            continue
                        }
                        guard let code = code(bytes[start..<end], item: item) else { return item }
                        codes[item] = code
                    }
                    return nil
                }
            }
        }
    }

    /// The code of `cell` as an answer to item `item`: 0 missing, `value − min + 1`, nil invalid.
    public func code<Cell: ValueParser.Bytes>(_ cell: Cell, item: Int) -> UInt8? {
        let scale = bounds[item]
        // Most cells are one digit: answer them before trimming and folding.
        if scale.digitFastPath, cell.count == 1, case let byte = cell[cell.startIndex], byte >= 48 && byte <= 57,
           let code = Self.code(Int(byte - 48), scale) {
            return code
        }
        let field = ValueParser.trimmed(cell)
        if field.allSatisfy({ $0 < 0x80 }) { return decode(field, scale) }
        // Non-ASCII: as written first (`Don’t know`), then folded when its ASCII could still spell a text.
        if let code = decode(field, scale) { return code }
        if let alphabet = tables[scale.table].alphabet, !alphabet.admits(field) { return nil }
        let folded = Array(TextKey.fold(String(decoding: field, as: UTF8.self)).utf8)
        return decode(folded[...], scale)
    }

    private func decode<Field: Collection<UInt8>>(_ field: Field, _ scale: Bounds) -> UInt8? {
        let table = tables[scale.table]
        if let recode = table.recodes.first(where: { ValueParser.matches(field, $0.text) }) {
            return Self.code(recode.value, scale)
        }
        if field.isEmpty { return 0 }
        // An integer outside min…max may still be one of the scale's missing texts (`99`).
        if let number = ValueParser.integer(field, digits: scale.digits), let code = Self.code(number, scale) {
            return code
        }
        if scale.integerLabels, let number = Self.leadingInteger(field), let code = Self.code(number, scale) {
            return code
        }
        if table.missing.contains(where: { ValueParser.matches(field, $0) }) { return 0 }
        guard let label = table.labels.first(where: { ValueParser.matches(field, $0.text) }) else { return nil }
        return Self.code(label.value, scale)
    }

    @inline(__always)
    private static func code(_ value: Int, _ scale: Bounds) -> UInt8? {
        value >= scale.min && value <= scale.max ? UInt8(truncatingIfNeeded: value - scale.min + 1) : nil
    }

    /// The integer a label starts with, when 1–2 digits are followed by a space or a dash (`10 - Extremely likely`).
    private static func leadingInteger<Field: Collection<UInt8>>(_ field: Field) -> Int? {
        guard let end = field.firstIndex(where: { !(48...57).contains($0) }), end != field.startIndex,
              field[end] == 32 || field[end] == 45 || ValueParser.isSpace(field[end]) else { return nil }
        return ValueParser.integer(field[..<end], digits: 2)
    }
}
