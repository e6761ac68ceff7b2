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
        var text = value.contains("\0") ? value.replacingOccurrences(of: "\0", with: "\u{FFFD}") : value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
