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

    /// `cell(value)`'s UTF-8 appended to `out`, in one pass over the value's bytes (the comments
    /// file writes a cell per comment). The bytes tested are ASCII, which never occur inside a
    /// multi-byte UTF-8 sequence.
    public static func appendCell(_ value: String, to out: inout [UInt8]) {
        let utf8 = value.utf8
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if let first = utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13]
            .contains(first) {
            out.append(UInt8(ascii: "'"))
        }
        for byte in utf8 {
            switch byte {
            case 0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case UInt8(ascii: "\""): out.append(contentsOf: [byte, byte])
            default: out.append(byte)
            }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
    }
}
