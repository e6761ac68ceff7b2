/// One `inputs.date_formats` pattern (SPEC §3.4), compiled once at config load into
/// the tokens a byte-level matcher walks (Ingest's `DatePatternMatcher`).
public struct DatePattern: Sendable, Hashable {
    /// One step of a pattern.
    public enum Token: Sendable, Hashable {
        /// `%Y`: exactly 4 digits.
        case year
        /// `%m`, `%d`, `%H`, `%I`: 1 or 2 digits.
        case month, day, hour24, hour12
        /// `%M`, `%S`: exactly 2 digits.
        case minute, second
        /// `%p`: `AM` or `PM`, any case.
        case meridiem
        /// `%f`: 1–9 digits after the point (the pattern writes the point itself).
        case fraction
        /// `%z`: `Z`, `±HH:MM`, `±H:MM`, `±HHMM`, `±HH`, `±H`, each optionally after `GMT` or `UTC`,
        /// or a bare `GMT` / `UTC` (offset 0).
        case zone
        /// A space in the pattern: one or more spaces in the cell.
        case spaces
        /// Any other byte, matched exactly (`%%` is a literal `%`).
        case literal(UInt8)
    }

    /// The pattern as configured, for messages.
    public let text: String
    public let tokens: [Token]

    /// - Throws: `PipelineError.config` at `path` for an unknown directive, a repeated one,
    ///   a pattern without `%Y`, `%m` and `%d`, or a time part that cannot stand as written.
    public init(compiling text: String, path: String) throws(PipelineError) {
        var tokens: [Token] = []
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == " " {
                tokens.append(.spaces)
                continue
            }
            guard scalar == "%" else {
                tokens += String(scalar).utf8.map(Token.literal)
                continue
            }
            guard let letter = scalars.popFirst() else {
                throw .config(path: path, message: "\"\(text)\" ends with a lone % (write %% for a literal %)")
            }
            if letter == "%" {
                tokens.append(.literal(UInt8(ascii: "%")))
                continue
            }
            guard let token = Self.directives[letter] else {
                throw .config(path: path, message: "unknown directive %\(letter) in \"\(text)\""
                              + " (expected %Y, %m, %d, %H, %I, %M, %S, %p, %f, %z or %%)")
            }
            if tokens.contains(token) {
                throw .config(path: path, message: "%\(letter) appears twice in \"\(text)\"")
            }
            tokens.append(token)
        }
        try Self.check(tokens, text: text, path: path)
        self.text = text
        self.tokens = tokens
    }

    private static let directives: [Unicode.Scalar: Token] = [
        "Y": .year, "m": .month, "d": .day, "H": .hour24, "I": .hour12, "M": .minute, "S": .second,
        "p": .meridiem, "f": .fraction, "z": .zone,
    ]

    /// A date needs all of year, month and day; a smaller time part needs the larger one.
    private static func check(_ tokens: [Token], text: String, path: String) throws(PipelineError) {
        let missing = [(Token.year, "%Y"), (.month, "%m"), (.day, "%d")].filter { !tokens.contains($0.0) }.map(\.1)
        if !missing.isEmpty {
            throw .config(path: path, message: "\"\(text)\" has no \(missing.joined(separator: ", ")):"
                          + " a date format needs %Y, %m and %d")
        }
        let rules: [(Bool, String)] = [
            (tokens.contains(.hour24) && tokens.contains(.hour12), "has both %H and %I: use one hour directive"),
            (tokens.contains(.hour12) != tokens.contains(.meridiem), "needs %I and %p together (a 12-hour clock)"),
            (tokens.contains(.minute) && !tokens.contains(.hour24) && !tokens.contains(.hour12), "has %M without an hour"),
            (tokens.contains(.second) && !tokens.contains(.minute), "has %S without %M"),
            (tokens.contains(.fraction) && !tokens.contains(.second), "has %f without %S"),
        ]
        if let rule = rules.first(where: \.0) { throw .config(path: path, message: "\"\(text)\" \(rule.1)") }
    }
}

/// The date patterns a reader tries after the built-in forms, in order: the user's
/// `inputs.date_formats`, to which an input format may later append its own (SPEC §3.6).
public struct DatePatterns: Sendable, Hashable {
    public private(set) var patterns: [DatePattern]

    /// No patterns: only the built-in forms are read.
    public static let none = DatePatterns(patterns: [])

    public init(patterns: [DatePattern]) {
        self.patterns = patterns
    }

    /// Compiles every text; `path` is the list's key path, an error names the element (`inputs.date_formats[1]`).
    public init(compiling texts: [String], path: String) throws(PipelineError) {
        var patterns: [DatePattern] = []
        for (index, text) in texts.enumerated() {
            patterns.append(try DatePattern(compiling: text, path: "\(path)[\(index)]"))
        }
        self.patterns = patterns
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// These patterns, then those of `other` not already here.
    public func appending(_ other: DatePatterns) -> DatePatterns {
        DatePatterns(patterns: patterns + other.patterns.filter { !patterns.contains($0) })
    }
}
