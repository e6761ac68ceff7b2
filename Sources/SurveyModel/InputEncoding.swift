/// `inputs.encoding` (SPEC §3.1): how a survey's files are stored. `auto` lets a UTF-16 or
/// UTF-8 byte-order mark decide, else UTF-8. Each file's actual encoding is resolved from
/// this and its first bytes when it is opened.
public enum InputEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16 = "utf-16"
    case auto

    /// The values `inputs.encoding` takes, for messages.
    public static let accepted = "\"utf-8\", \"windows-1252\", \"utf-16\" or \"auto\""

    /// - Throws: `PipelineError.config` at `path` for any other text.
    public init(parsing text: String, path: String) throws(PipelineError) {
        guard let value = InputEncoding(rawValue: text.lowercased()) else {
            throw .config(path: path, message: "expected \(Self.accepted) (got \"\(text)\")")
        }
        self = value
    }
}
