import Foundation
import SurveyModel

/// Log lines on stderr (SPEC §8): plain text for people, one JSON object per line
/// for the nightly job — the final error included. `quiet` keeps only warnings and errors.
/// Every line is escaped and bounded by `MessageText` (SPEC §3.1 "Messages").
public struct RunLog: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }
    public enum Level: String, Sendable { case info, warning, error }

    public var format: Format
    public var quiet: Bool

    public init(format: Format, quiet: Bool) {
        self.format = format
        self.quiet = quiet
    }

    /// `fields` are written in the given order.
    public func log(_ level: Level, _ message: String, _ fields: [(String, String)] = []) {
        if quiet && level == .info { return }
        write(render(level, message, fields, prefixed: true))
    }

    /// The line a run ends with when it fails: the error's message as it reads in text
    /// (`input error: nope.csv: no such file`), or one JSON object with `exit_code` too.
    public func fail(_ error: PipelineError) {
        write(render(.error, error.description, [("exit_code", String(error.exitCode))], prefixed: false,
                     textFields: false))
    }

    /// One line, without its newline, at most `MessageText.maxLineBytes` bytes.
    func render(_ level: Level, _ message: String, _ fields: [(String, String)], prefixed: Bool,
                textFields: Bool = true) -> String {
        let message = MessageText.escaped(message)
        var fields = fields.map { ($0.0, MessageText.escaped($0.1)) }
        switch format {
        case .text:
            var line = (level == .info || !prefixed ? "" : "\(level.rawValue): ") + message
            if textFields && !fields.isEmpty {
                line += " (" + fields.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
            }
            return MessageText.prefix(line, bytes: MessageText.maxLineBytes)
        case .json:
            fields.insert(("message", message), at: 0)
            // Cut the longest value until the object fits; the object stays valid JSON.
            while true {
                let line = Self.object([("level", level.rawValue)] + fields)
                let excess = line.utf8.count - MessageText.maxLineBytes
                guard excess > 0,
                      let longest = fields.indices.max(by: { fields[$0].1.utf8.count < fields[$1].1.utf8.count }),
                      fields[longest].1.utf8.count > 16
                else { return line }
                let value = fields[longest].1
                // Escaping can make a byte cost up to six in JSON: cut a generous share each time.
                fields[longest].1 = MessageText.prefix(value, bytes: max(8, value.utf8.count - excess - 8))
            }
        }
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(quote($0.0)):\(value($0.1))" }.joined(separator: ",") + "}"
    }

    /// Numbers stay numbers in the JSON log; everything else is a string.
    private static func value(_ text: String) -> String {
        isNumber(text) ? text : quote(text)
    }

    /// Whether `text` is a JSON number (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`),
    /// so that `nan`, `inf`, `+1`, `.5` or `007` stay strings.
    private static func isNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0, bytes[leading] != UInt8(ascii: "0") || index == leading + 1 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
