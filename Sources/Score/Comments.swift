import Jobs
import SurveyModel

/// The comments of the report wave (SPEC §9, §9.1): theme counts per area and All areas and
/// survey with the groups' suppression, and for each shown group of a configured area its
/// comments in digest order (never input order) with their themes, and its examples.
enum Comments {
    /// One survey's part: the report wave's comments as the chunks collected them,
    /// and the respondents of each area in the report wave.
    struct Source {
        var kind: SurveyKind
        var outputs: [ChunkOutput]
        var respondents: [Int]
    }

    /// What one survey's shown group keeps while it is sorted.
    private struct Sorted {
        var group: CommentGroup
        /// Per theme (`other` last), the positions of its first distinct examples in the group.
        var examples: [[Int]]
        var digests: [UInt64]

        /// The text of the comment at `position` in digest order (looked up when asked: only
        /// examples need it).
        func text(_ position: Int) -> ArraySlice<UInt8> { group.comments.bytes(position) }
    }

    /// Sorts each shown group's comments as a task of its own, on at most `jobs` threads.
    static func build(_ sources: [Source], pass: CommentPass, themes: [CommentTheme], config: PipelineConfig,
                      jobs: Int) -> (groups: [CommentGroup], themes: ThemeSummary) {
        let names = themes.map(\.name) + [ConfigLoader.otherTheme]
        let labels = themes.map(\.label) + ["Other"]
        let areaNames = config.areas.map(\.name), minimum = config.privacy.minCommentGroupSize
        let limit = config.output.commentExamples
        var summary = ThemeSummary(names: names, labels: labels)
        var groups: [CommentGroup] = []
        for source in sources {
            let total = source.respondents.reduce(0, +)
            guard total > 0 else { continue }
            let hidden = Suppression.hidden(ns: source.respondents, names: areaNames, totalN: total, minimum: minimum)
            let counts = mergedCounts(source.outputs, pass: pass)
            let shown = areaNames.indices.filter { source.respondents[$0] > 0 && !hidden[$0] }
            let sorted = ResultSlots<Sorted>(count: shown.count)
            TaskPool.run(jobs: jobs, tasks: shown.count) { _, task in
                if let group = sort(source, area: shown[task], pass: pass, name: areaNames[shown[task]], limit: limit) {
                    sorted.set(task, group)
                }
            }
            let groupsShown = sorted.values.compactMap { $0 }
            for area in areaNames.indices {
                let row = Array(counts[(area * pass.countsPerArea)..<((area + 1) * pass.countsPerArea)])
                summary.counts += rows(row, area: areaNames[area], survey: source.kind, names: names,
                                       respondents: source.respondents[area], hidden: hidden[area])
                if let group = groupsShown.first(where: { $0.group.area == areaNames[area] }) {
                    summary.examples += examples(of: [group], area: areaNames[area], survey: source.kind,
                                                 names: names, limit: limit, salt: pass.salt)
                }
            }
            let all = (0..<pass.countsPerArea).map { slot in
                areaNames.indices.reduce(0) { $0 + counts[$1 * pass.countsPerArea + slot] }
            }
            summary.counts += rows(all, area: "All areas", survey: source.kind, names: names, respondents: total,
                                   hidden: total < minimum)
            if total >= minimum {
                summary.examples += examples(of: groupsShown, area: "All areas", survey: source.kind, names: names,
                                             limit: limit, salt: pass.salt)
            }
            groups += groupsShown.map(\.group)
        }
        return (groups, summary)
    }

    /// The chunks' counts added in chunk order (`CommentPass.countsPerArea` per area).
    private static func mergedCounts(_ outputs: [ChunkOutput], pass: CommentPass) -> [Int] {
        var counts = [Int](repeating: 0, count: pass.areaCount * pass.countsPerArea)
        for output in outputs {
            for (index, count) in output.themeCounts.enumerated() { counts[index] += Int(count) }
        }
        return counts
    }

    /// One group's `themes` rows from its counters (comments, each theme, other).
    private static func rows(_ counters: [Int], area: String, survey: SurveyKind, names: [String], respondents: Int,
                             hidden: Bool) -> [ThemeCount] {
        let comments = counters[0]
        return names.enumerated().map { theme, name in
            guard respondents > 0, !hidden else {
                return ThemeCount(area: area, survey: survey, theme: name, comments: nil, share: nil,
                                  suppressed: respondents > 0)
            }
            let count = counters[1 + theme]
            return ThemeCount(area: area, survey: survey, theme: name, comments: count,
                              share: comments == 0 ? nil : Double(count) / Double(comments) * 100, suppressed: false,
                              groupComments: comments)
        }
    }

    /// Per theme with comments, the `limit` distinct texts of smallest digest among `groups`' examples.
    private static func examples(of groups: [Sorted], area: String, survey: SurveyKind, names: [String], limit: Int,
                                 salt: [UInt8]) -> [ThemeExamples] {
        names.indices.compactMap { theme in
            var picks = groups.flatMap { group in group.examples[theme].map { (group, $0) } }
            picks.sort { a, b in
                CommentDigest.precedes(a.0.digests[a.1], b.0.digests[b.1], salt: salt,
                                       texts: (a.0.text(a.1), b.0.text(b.1)))
            }
            var chosen: [ArraySlice<UInt8>] = []
            for (group, position) in picks where chosen.count < limit && chosen.last != group.text(position) {
                chosen.append(group.text(position))
            }
            guard !chosen.isEmpty else { return nil }
            return ThemeExamples(area: area, survey: survey, theme: names[theme],
                                 comments: chosen.map { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// The comments of one area in digest order with their themes; nil when there are none.
    private static func sort(_ source: Source, area: Int, pass: CommentPass, name: String, limit: Int) -> Sorted? {
        var places: [UInt64] = [], keys: [DigestKey] = []
        for (number, output) in source.outputs.enumerated() {
            for row in output.commentAreas.indices where output.commentAreas[row] == area {
                keys.append(DigestKey(digest: output.commentDigests[row], index: places.count))
                places.append(UInt64(number) << 32 | UInt64(row))
            }
        }
        guard !places.isEmpty else { return nil }
        func text(_ place: UInt64) -> ArraySlice<UInt8> {
            source.outputs[Int(place >> 32)].comments[Int(place & 0xFFFF_FFFF)]
        }
        keys.sort { $0.digest != $1.digest ? $0.digest < $1.digest : $0.index < $1.index }
        settlePrefixTies(&keys, salt: pass.salt) { text(places[$0]) }
        places = keys.map { places[$0.index] }
        let digests = keys.map(\.digest)
        let themes = places.map { source.outputs[Int($0 >> 32)].commentThemes[Int($0 & 0xFFFF_FFFF)] }
        let other = pass.matcher.themeCount
        var examples = [[Int]](repeating: [], count: other + 1)
        // The same text has the same digest, so repeats are neighbours: each is shown once.
        func take(_ theme: Int, _ position: Int) {
            guard examples[theme].count < limit else { return }
            if let last = examples[theme].last, text(places[last]) == text(places[position]) { return }
            examples[theme].append(position)
        }
        for (position, bits) in themes.enumerated() {
            if bits == 0 {
                take(other, position)
                continue
            }
            for theme in 0..<other where bits & (1 << UInt64(theme)) != 0 { take(theme, position) }
        }
        let group = CommentGroup(area: name, survey: source.kind,
                                 comments: CommentTexts(columns: source.outputs.map(\.comments), places: places),
                                 themes: themes)
        return Sorted(group: group, examples: examples, digests: digests)
    }

    /// A comment's digest prefix and its input position: sorting these as plain integers is the
    /// digest order, up to prefix ties that `settlePrefixTies` orders by the full digest.
    private struct DigestKey {
        var digest: UInt64
        var index: Int
    }

    /// Within each run of equal prefixes whose texts differ, orders by the full digest, then input
    /// position (what a stable sort on `CommentDigest.precedes` gives; equal texts keep input order).
    private static func settlePrefixTies(_ keys: inout [DigestKey], salt: [UInt8],
                                         text: (Int) -> ArraySlice<UInt8>) {
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].digest == keys[start].digest { end += 1 }
            if end - start > 1, case let first = text(keys[start].index),
               keys[(start + 1)..<end].contains(where: { text($0.index) != first }) {
                let full = keys[start..<end].map { key in
                    (key, CommentDigest.full(salt: salt, text: text(key.index)).withUnsafeBytes { Array($0) })
                }
                let ordered = full.sorted { a, b in
                    a.1 != b.1 ? a.1.lexicographicallyPrecedes(b.1) : a.0.index < b.0.index
                }
                keys.replaceSubrange(start..<end, with: ordered.map(\.0))
            }
            start = end
        }
    }
}
