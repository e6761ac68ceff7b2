import Foundation
import SurveyModel

/// The keywords of `instrument.comment_themes` compiled once (SPEC §9.1): a comment and a
/// keyword are split into words (maximal runs of Unicode letters, decimal digits and `_`)
/// after full Unicode case folding; a keyword matches when its words are consecutive words
/// of the comment, a trailing `*` making its last word a prefix. `themes(of:)` gives the
/// set of matched themes as bits in config order (bit t = theme t); 0 means `other`.
///
/// Built for every comment of a large survey: an ASCII comment is folded and split in one
/// pass over its bytes into a reused scratch buffer, and only keywords whose first word
/// starts with a comment word's first byte are compared.
public struct ThemeMatcher: Sendable {
    /// At most this many themes (one bit each in a `UInt64`).
    public static var maximumThemes: Int { ConfigLoader.maximumThemes }

    struct Keyword: Sendable {
        var theme: Int
        /// The folded words, each a byte string; the last one a prefix when `prefix`.
        var words: [[UInt8]]
        var prefix: Bool
    }

    /// Reused buffers of one worker: the folded text and its words' byte ranges.
    public struct Scratch {
        var folded: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        public init() {}
    }

    public let themeCount: Int
    let keywords: [Keyword]
    /// Per first byte of a keyword's first word, the keywords that start with it.
    private let byFirstByte: [[Int]]

    public init(_ themes: [CommentTheme]) {
        themeCount = min(themes.count, Self.maximumThemes)
        var keywords: [Keyword] = []
        var scratch = Scratch()
        for (theme, entry) in themes.prefix(Self.maximumThemes).enumerated() {
            for keyword in entry.keywords {
                let text = keyword.trimmingCharacters(in: .whitespacesAndNewlines)
                Self.split(Array(text.utf8)[...], into: &scratch)
                guard !scratch.starts.isEmpty else { continue }
                let words = zip(scratch.starts, scratch.ends).map { Array(scratch.folded[$0..<$1]) }
                keywords.append(Keyword(theme: theme, words: words, prefix: text.hasSuffix("*")))
            }
        }
        var index = [[Int]](repeating: [], count: 256)
        for (number, keyword) in keywords.enumerated() { index[Int(keyword.words[0][0])].append(number) }
        self.keywords = keywords
        byFirstByte = index
    }

    /// The themes `comment` (UTF-8) matches, as bits in config order.
    public func themes(of comment: ArraySlice<UInt8>, scratch: inout Scratch) -> UInt64 {
        guard !keywords.isEmpty else { return 0 }
        Self.split(comment, into: &scratch)
        var found: UInt64 = 0
        let count = scratch.starts.count
        scratch.folded.withUnsafeBufferPointer { text in
            for word in 0..<count {
                for number in byFirstByte[Int(text[scratch.starts[word]])] {
                    let keyword = keywords[number]
                    let bit = UInt64(1) << UInt64(keyword.theme)
                    if found & bit == 0, matches(keyword, at: word, text: text, scratch: scratch) { found |= bit }
                }
            }
        }
        return found
    }

    private func matches(_ keyword: Keyword, at first: Int, text: UnsafeBufferPointer<UInt8>,
                         scratch: Scratch) -> Bool {
        let count = keyword.words.count
        guard first + count <= scratch.starts.count else { return false }
        for (offset, word) in keyword.words.enumerated() {
            let start = scratch.starts[first + offset], length = scratch.ends[first + offset] - start
            let asPrefix = keyword.prefix && offset == count - 1
            guard asPrefix ? length >= word.count : length == word.count else { return false }
            for (position, byte) in word.enumerated() where text[start + position] != byte { return false }
        }
        return true
    }

    /// Folds `text` and records its words' ranges in `scratch` (ASCII: byte by byte).
    static func split(_ text: ArraySlice<UInt8>, into scratch: inout Scratch) {
        scratch.folded.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        scratch.ends.removeAll(keepingCapacity: true)
        if text.allSatisfy({ $0 < 0x80 }) {
            var inWord = false
            for byte in text {
                let lowered = (65...90).contains(byte) ? byte | 0x20 : byte
                let isWord = (97...122).contains(lowered) || (48...57).contains(lowered) || lowered == 95
                if isWord {
                    if !inWord { scratch.starts.append(scratch.folded.count) }
                    scratch.folded.append(lowered)
                } else if inWord {
                    scratch.ends.append(scratch.folded.count)
                }
                inWord = isWord
            }
            if inWord { scratch.ends.append(scratch.folded.count) }
            return
        }
        let folded = String(decoding: text, as: UTF8.self).folding(options: .caseInsensitive, locale: nil)
        var inWord = false
        for scalar in folded.unicodeScalars {
            let isWord = isWordScalar(scalar)
            if isWord {
                if !inWord { scratch.starts.append(scratch.folded.count) }
                UTF8.encode(scalar) { scratch.folded.append($0) }
            } else if inWord {
                scratch.ends.append(scratch.folded.count)
            }
            inWord = isWord
        }
        if inWord { scratch.ends.append(scratch.folded.count) }
    }

    /// A letter (any L category), a decimal digit or `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
