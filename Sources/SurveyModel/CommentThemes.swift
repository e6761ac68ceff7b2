import Foundation

/// A comment theme of SPEC §9.1: its name (as the comments file writes it), the label readers
/// see, and the keywords that put a comment in it (`wait*` matches a word prefix).
public struct CommentTheme: Sendable, Hashable {
    public var name: String
    public var label: String
    public var keywords: [String]

    public init(name: String, label: String, keywords: [String]) {
        self.name = name
        self.label = label
        self.keywords = keywords
    }
}

/// The `output` keys that shape what is published beside the figures (SPEC §9.1, §10).
public struct OutputOptions: Sendable, Hashable {
    /// Example comments per area, survey and theme in the workbook (`output.comment_examples`).
    public var commentExamples = 3
    /// One workbook per area for its leader (`output.per_area`).
    public var perArea = false

    public init(commentExamples: Int = 3, perArea: Bool = false) {
        self.commentExamples = commentExamples
        self.perArea = perArea
    }
}

extension PipelineConfig {
    /// `output.report_name` with `{wave}` replaced by the report wave: the published name, and
    /// the salt of the comment digests that order the comments (SPEC §9.1).
    public func reportName(wave: String) -> String { reportName.replacingOccurrences(of: "{wave}", with: wave) }
}

/// Reads `instrument.comment_themes` and the publishing keys of `output`.
extension ConfigLoader {
    /// The name a comment matching no theme gets; a theme may not take it.
    public static let otherTheme = "other"
    /// The most themes a config may list (the scoring core keeps a comment's themes in 64 bits).
    public static let maximumThemes = 64

    static func readCommentThemes(_ reader: ConfigReader) throws(PipelineError) -> [CommentTheme] {
        guard let elements = try reader.array("comment_themes") else { return [] }
        guard elements.count <= maximumThemes else {
            throw .config(path: reader.child("comment_themes"), message: "expected at most \(maximumThemes) themes")
        }
        var themes: [CommentTheme] = []
        for element in elements {
            let entry = try ConfigReader(element.value, path: element.path)
            try entry.allowOnly(["name", "label", "keywords"])
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw .config(path: entry.child("name"), message: "expected a theme name")
            }
            if name == otherTheme {
                throw .config(path: entry.child("name"),
                              message: "\"\(otherTheme)\" is the theme of comments that match no theme; choose another name")
            }
            if themes.contains(where: { $0.name == name }) {
                throw .config(path: entry.child("name"), message: "theme \"\(MessageText.quoted(name))\" is listed twice")
            }
            guard let keywords = try entry.strings("keywords"), !keywords.isEmpty else {
                throw .config(path: entry.child("keywords"), message: "expected a non-empty list of keywords")
            }
            for (offset, keyword) in keywords.enumerated()
            where !keyword.contains(where: { $0.isLetter || $0.isNumber || $0 == "_" }) {
                throw .config(path: "\(entry.child("keywords"))[\(offset)]",
                              message: "expected a keyword with at least one word (letters, digits or _)")
            }
            themes.append(CommentTheme(name: name, label: try entry.string("label") ?? name, keywords: keywords))
        }
        return themes
    }

    static func readOutputOptions(_ reader: ConfigReader) throws(PipelineError) -> OutputOptions {
        var options = OutputOptions()
        if let examples = try reader.integer("comment_examples") {
            guard examples >= 0 else {
                throw .config(path: reader.child("comment_examples"), message: "expected an integer of at least 0")
            }
            options.commentExamples = examples
        }
        options.perArea = try reader.bool("per_area") ?? options.perArea
        return options
    }
}
