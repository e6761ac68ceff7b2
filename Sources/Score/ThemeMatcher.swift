import Foundation
import SurveyModel

/// The keywords of `instrument.comment_themes` compiled once (SPEC §9.1): a comment and a
/// keyword are split into words (maximal runs of Unicode letters, decimal digits and `_`)
/// after full Unicode case folding; a keyword matches when its words are consecutive words
/// of the comment, a trailing `*` making its last word a prefix. `themes(of:)` gives the
/// set of matched themes as bits in config order (bit t = theme t); 0 means `other`.
///
/// Built for every comment of a large survey: an ASCII comment is folded and split in one
/// pass over its bytes into a reused scratch buffer; a comment word is then looked up once in
/// a hash table of the keywords' whole first words, and compared with the few one-word
/// prefix keywords (`wait*`) that start with its first byte.
public struct ThemeMatcher: Sendable {
    /// At most this many themes (one bit each in a `UInt64`).
    public static var maximumThemes: Int { ConfigLoader.maximumThemes }

    /// Reused buffers of one worker: the folded text and its words' byte ranges.
    public struct Scratch {
        var folded: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        public init() {}
    }

    public let themeCount: Int
    /// Per keyword: its theme, whether its last word is a prefix, and its words (a range of
    /// `wordStarts`/`wordEnds`, which index `wordBytes`). Flat arrays: matching copies nothing.
    private let keywordTheme: [Int]
    private let keywordPrefix: [Bool]
    private let keywordWords: [Range<Int>]
    private let wordBytes: [UInt8]
    private let wordStarts: [Int]
    private let wordEnds: [Int]
    /// The one-word prefix keywords whose word starts with byte b:
    /// `prefixKeywords[prefixStarts[b]..<prefixStarts[b + 1]]`.
    private let prefixStarts: [Int]
    private let prefixKeywords: [Int]
    /// The other keywords by their first word (`FirstWordIndex`).
    private let firstWords: FirstWordIndex

    public init(_ themes: [CommentTheme]) {
        themeCount = min(themes.count, Self.maximumThemes)
        var theme: [Int] = [], prefix: [Bool] = [], words: [Range<Int>] = []
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = []
        var scratch = Scratch()
        for (number, entry) in themes.prefix(Self.maximumThemes).enumerated() {
            for keyword in entry.keywords {
                let text = keyword.trimmingCharacters(in: .whitespacesAndNewlines)
                Self.split(Array(text.utf8)[...], into: &scratch)
                guard !scratch.starts.isEmpty else { continue }
                words.append(starts.count..<(starts.count + scratch.starts.count))
                for (start, end) in zip(scratch.starts, scratch.ends) {
                    starts.append(bytes.count)
                    bytes.append(contentsOf: scratch.folded[start..<end])
                    ends.append(bytes.count)
                }
                theme.append(number)
                prefix.append(text.hasSuffix("*"))
            }
        }
        var buckets = [[Int]](repeating: [], count: 256)
        var whole: [[UInt8]: [Int]] = [:]
        for (number, range) in words.enumerated() {
            let first = range.lowerBound
            if prefix[number] && range.count == 1 {
                buckets[Int(bytes[starts[first]])].append(number)
            } else {
                whole[Array(bytes[starts[first]..<ends[first]]), default: []].append(number)
            }
        }
        keywordTheme = theme
        keywordPrefix = prefix
        keywordWords = words
        wordBytes = bytes
        wordStarts = starts
        wordEnds = ends
        prefixStarts = buckets.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        prefixKeywords = buckets.flatMap { $0 }
        firstWords = FirstWordIndex(whole.sorted { $0.key.lexicographicallyPrecedes($1.key) })
    }

    /// The themes `comment` (UTF-8) matches, as bits in config order.
    public func themes(of comment: ArraySlice<UInt8>, scratch: inout Scratch) -> UInt64 {
        guard !keywordTheme.isEmpty else { return 0 }
        Self.split(comment, into: &scratch)
        return scratch.folded.withUnsafeBufferPointer { folded in
            scratch.starts.withUnsafeBufferPointer { starts in
                scratch.ends.withUnsafeBufferPointer { ends in
                    themes(of: Words(folded: folded, starts: starts, ends: ends))
                }
            }
        }
    }

    /// A split comment seen through its scratch buffers: matching retains nothing per comment.
    private struct Words {
        let folded: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>
    }

    private func themes(of words: Words) -> UInt64 {
        var found: UInt64 = 0
        func test(_ keyword: Int, at word: Int) {
            let bit = UInt64(1) << UInt64(keywordTheme[keyword])
            if found & bit == 0, matches(keyword, at: word, in: words) { found |= bit }
        }
        for word in 0..<words.starts.count {
            let text = UnsafeBufferPointer(rebasing: words.folded[words.starts[word]..<words.ends[word]])
            let first = Int(text[0])
            for slot in prefixStarts[first]..<prefixStarts[first + 1] { test(prefixKeywords[slot], at: word) }
            for keyword in firstWords.keywords(startingWith: text) { test(keyword, at: word) }
        }
        return found
    }

    private func matches(_ keyword: Int, at first: Int, in comment: Words) -> Bool {
        let words = keywordWords[keyword]
        guard first + words.count <= comment.starts.count else { return false }
        for (offset, word) in words.enumerated() {
            let start = comment.starts[first + offset], length = comment.ends[first + offset] - start
            let wordStart = wordStarts[word], wordLength = wordEnds[word] - wordStart
            let asPrefix = keywordPrefix[keyword] && word == words.upperBound - 1
            guard asPrefix ? length >= wordLength : length == wordLength else { return false }
            for position in 0..<wordLength where comment.folded[start + position] != wordBytes[wordStart + position] {
                return false
            }
        }
        return true
    }

    /// Folds `text` and records its words' ranges in `scratch` (ASCII: byte by byte).
    static func split(_ text: ArraySlice<UInt8>, into scratch: inout Scratch) {
        scratch.folded.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        scratch.ends.removeAll(keepingCapacity: true)
        if text.allSatisfy({ $0 < 0x80 }) {
            // ASCII folds byte for byte in place: one copy, then the words' ranges.
            scratch.folded.append(contentsOf: text)
            var starts: [Int] = [], ends: [Int] = []
            swap(&starts, &scratch.starts)
            swap(&ends, &scratch.ends)
            scratch.folded.withUnsafeMutableBufferPointer { bytes in
                var inWord = false
                for index in bytes.indices {
                    var byte = bytes[index]
                    if byte &- 65 < 26 {
                        byte |= 0x20
                        bytes[index] = byte
                    }
                    let isWord = byte &- 97 < 26 || byte &- 48 < 10 || byte == 95
                    if isWord != inWord {
                        if isWord { starts.append(index) } else { ends.append(index) }
                        inWord = isWord
                    }
                }
                if inWord { ends.append(bytes.count) }
            }
            swap(&starts, &scratch.starts)
            swap(&ends, &scratch.ends)
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

/// The keywords whose first word is a whole word, found by that word: an open-addressing hash
/// table (FNV-1a, linear probing, at most a quarter full) of the distinct first words, each with
/// the keywords that start with it. One lookup per comment word; flat arrays, so a lookup
/// retains nothing.
private struct FirstWordIndex: Sendable {
    /// The distinct first words, back to back; word w is `bytes[wordRanges[w]]`.
    private let bytes: [UInt8]
    private let wordRanges: [Range<Int>]
    private let wordHashes: [UInt64]
    /// The keywords that start with word w: `keywords[keywordRanges[w]]`.
    private let keywords: [Int]
    private let keywordRanges: [Range<Int>]
    /// Per slot, a word number, or −1.
    private let slots: [Int]
    private let mask: Int

    init(_ entries: [(key: [UInt8], value: [Int])]) {
        var bytes: [UInt8] = [], wordRanges: [Range<Int>] = [], keywords: [Int] = [], keywordRanges: [Range<Int>] = []
        for (word, list) in entries {
            wordRanges.append(bytes.count..<(bytes.count + word.count))
            bytes += word
            keywordRanges.append(keywords.count..<(keywords.count + list.count))
            keywords += list
        }
        var size = 4
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        var slots = [Int](repeating: -1, count: size)
        let hashes = wordRanges.map { FNV1a.hash(bytes[$0]) }
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = number
        }
        self.bytes = bytes
        self.wordRanges = wordRanges
        wordHashes = hashes
        self.keywords = keywords
        self.keywordRanges = keywordRanges
        self.slots = slots
    }

    /// The keywords whose first word is `word` (none when no keyword starts with it).
    func keywords(startingWith word: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int> {
        let hash = FNV1a.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let number = slots[slot], range = wordRanges[number]
            if wordHashes[number] == hash, range.count == word.count,
               bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + range.lowerBound, word.baseAddress!, word.count) }) == 0 {
                return keywords[keywordRanges[number]]
            }
            slot = (slot + 1) & mask
        }
        return keywords[0..<0]
    }
}
