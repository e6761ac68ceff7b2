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

    /// The bits of every byte of `bytes`, or-ed.
    static func flags(of bytes: UnsafeRawBufferPointer) -> UInt8 {
        table.withUnsafeBufferPointer { table in
            var found: UInt8 = 0
            for byte in bytes { found |= table[Int(byte)] }
            return found
        }
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
