import Foundation
import SurveyModel

/// The rejects file of SPEC §7: one row per rejected input row with its source
/// file, line, reason, offending column and raw fields. Cells that a spreadsheet
/// would run as a formula (`= + - @`, tab, CR first) get a leading `'` (OWASP);
/// NUL bytes, which spreadsheets refuse, become U+FFFD.
public enum RejectsCSV {
    public static func render(_ rejects: [Reject], files: [String]) -> String {
        let width = rejects.map(\.rawFields.count).max() ?? 0
        var out = (["file", "line", "reason", "column"] + (0..<width).map { "field_\($0 + 1)" })
            .map(cell).joined(separator: ",") + "\r\n"
        for reject in rejects {
            let fields = [files[reject.fileIndex], String(reject.line), reject.reason.rawValue, reject.column ?? ""]
                + reject.rawFields
            out += fields.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Neutralized, then quoted when it holds a delimiter, quote or line break.
    public static func cell(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendCell(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `cell(value)`'s UTF-8 appended to `out`.
    public static func appendCell(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendCell(utf8: UnsafeRawBufferPointer($0), to: &out) }
    }

    /// `cell` of the text whose UTF-8 is `bytes` appended to `out`, in one scan of the bytes and
    /// one copy when nothing needs escaping (the comments file writes a cell per comment). The
    /// bytes tested are ASCII, which never occur inside a multi-byte UTF-8 sequence.
    public static func appendCell(utf8 bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let found = CellByte.flags(of: bytes)
        let quoted = found & CellByte.needsQuotes != 0
        if quoted { out.append(UInt8(ascii: "\"")) }
        if let first = bytes.first, CellByte.startsFormula.contains(first) { out.append(UInt8(ascii: "'")) }
        if found & CellByte.needsEscape == 0 {
            out.append(contentsOf: bytes)
        } else {
            for byte in bytes {
                switch byte {
                case 0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                case UInt8(ascii: "\""): out.append(contentsOf: [byte, byte])
                default: out.append(byte)
                }
            }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
    }
}

/// What `RejectsCSV.appendCell` looks for in a cell's bytes.
private enum CellByte {
    /// A delimiter, quote or line break: the cell is quoted.
    static let needsQuotes: UInt8 = 1
    /// A quote (doubled) or NUL (U+FFFD): the cell is copied byte by byte.
    static let needsEscape: UInt8 = 2
    /// First bytes that make a spreadsheet run the cell as a formula (OWASP): they get a `'`.
    static let startsFormula: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13]

    /// The bits of every byte of `bytes`, or-ed: eight bytes at a time (a comment is mostly
    /// letters), the last few through the table.
    static func flags(of bytes: UnsafeRawBufferPointer) -> UInt8 {
        var quotes: UInt64 = 0, escapes: UInt64 = 0, index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = zeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            quotes |= quote | zeroByte(word ^ (ones &* UInt64(UInt8(ascii: ","))))
                | zeroByte(word ^ (ones &* 10)) | zeroByte(word ^ (ones &* 13))
            escapes |= quote | zeroByte(word)
            index += 8
        }
        var found: UInt8 = (quotes == 0 ? 0 : needsQuotes) | (escapes == 0 ? 0 : needsEscape)
        table.withUnsafeBufferPointer { table in
            for byte in bytes[index...] { found |= table[Int(byte)] }
        }
        return found
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Non-zero exactly when one of the eight bytes of `word` is zero (the bit trick of
    /// "Bit Twiddling Hacks": a borrow reaches a byte's high bit only through a zero byte).
    private static func zeroByte(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & (ones &* 0x80)
    }

    /// Per byte value, its bits.
    private static let table: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0: return needsEscape
        case Int(UInt8(ascii: "\"")): return needsQuotes | needsEscape
        case Int(UInt8(ascii: ",")), 10, 13: return needsQuotes
        default: return 0
        }
    }
}
