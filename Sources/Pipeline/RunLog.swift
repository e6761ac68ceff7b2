import Foundation

/// Log lines on stderr (SPEC §8): plain text for people, one JSON object per line
/// for the nightly job. `quiet` keeps only warnings and errors.
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
        var line: String
        switch format {
        case .text:
            line = (level == .info ? "" : "\(level.rawValue): ") + message
            if !fields.isEmpty { line += " (" + fields.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")" }
        case .json:
            let pairs = [("level", level.rawValue), ("message", message)] + fields
            line = "{" + pairs.map { "\(Self.quote($0.0)):\(Self.value($0.1))" }.joined(separator: ",") + "}"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Numbers stay numbers in the JSON log; everything else is a string.
    private static func value(_ text: String) -> String {
        Double(text) != nil && text.first != "+" ? text : quote(text)
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
