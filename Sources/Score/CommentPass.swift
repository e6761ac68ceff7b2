import Crypto
import SurveyModel

/// What the scoring core does with each report-wave comment as it walks the rows (SPEC §9.1):
/// finds its themes, takes its digest (the order of the comments file and the choice of
/// examples) and counts it for its area. Immutable and shared by every worker.
struct CommentPass: Sendable {
    let matcher: ThemeMatcher
    /// The UTF-8 report name and a NUL byte: what every comment's digest starts with.
    let salt: [UInt8]
    let areaCount: Int

    init(themes: [CommentTheme], reportName: String, areaCount: Int) {
        matcher = ThemeMatcher(themes)
        salt = Array(reportName.utf8) + [0]
        self.areaCount = areaCount
    }

    /// Counters per area: the comments, then each theme in config order, then `other`.
    var countsPerArea: Int { matcher.themeCount + 2 }

    /// Records the comment `text` of `area` in `output`: its themes, digest and counts.
    func add(_ text: ArraySlice<UInt8>, area: Int, to output: inout ChunkOutput, scratch: inout ThemeMatcher.Scratch) {
        if output.themeCounts.isEmpty { output.themeCounts = [Int64](repeating: 0, count: areaCount * countsPerArea) }
        let themes = matcher.themes(of: text, scratch: &scratch)
        output.commentThemes.append(themes)
        output.commentDigests.append(CommentDigest.prefix(salt: salt, text: text))
        let base = area * countsPerArea
        output.themeCounts[base] += 1
        if themes == 0 {
            output.themeCounts[base + countsPerArea - 1] += 1
        } else {
            for theme in 0..<matcher.themeCount where themes & (1 << UInt64(theme)) != 0 {
                output.themeCounts[base + 1 + theme] += 1
            }
        }
    }
}

/// SHA-256 of the report name, a NUL byte and a comment as read (SPEC §9.1).
enum CommentDigest {
    static func full(salt: [UInt8], text: ArraySlice<UInt8>) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: text)
        return hasher.finalize()
    }

    /// The digest's first 8 bytes, big-endian: sorting on it sorts by the digest's hex,
    /// up to ties that `precedes` settles.
    static func prefix(salt: [UInt8], text: ArraySlice<UInt8>) -> UInt64 {
        full(salt: salt, text: text).withUnsafeBytes { bytes in
            bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    /// Whether comment a's digest sorts before b's, given their prefixes.
    static func precedes(_ a: UInt64, _ b: UInt64, salt: [UInt8], texts: (ArraySlice<UInt8>, ArraySlice<UInt8>)) -> Bool {
        if a != b { return a < b }
        let first = full(salt: salt, text: texts.0), second = full(salt: salt, text: texts.1)
        return first.withUnsafeBytes { x in second.withUnsafeBytes { y in x.lexicographicallyPrecedes(y) } }
    }
}
