import Export
import Ingest
import SurveyModel

/// One construct of the draft: a shared column prefix, or the whole survey.
struct DraftConstruct: Sendable {
    var name: String
    var survey: SurveyKind
    var items: [String]

    var json: JSONOutput {
        .object([("name", .string(name)), ("label", .string(name)), ("survey", .string(survey.rawValue)),
                 ("items", .array(items.map(JSONOutput.string)))])
    }
}

/// One survey's form as `init` guesses it from a file's layout and answers: the platform's
/// default columns where the format has them (SPEC §3.6), renames otherwise.
struct DraftForm: Sendable {
    var json: JSONOutput
    /// `inputs.columns.<kind>`: our column → the file's header, where they differ.
    var renames: [(String, JSONOutput)] = []
    var constructs: [DraftConstruct] = []
    /// Answer columns kept as items (the 0–10 item included).
    var itemCount = 0
    /// User-defined integer scales the items use (`instrument.scales`), by name.
    var scales: [Scale] = []

    init(_ profile: FileProfile, kind: SurveyKind, notes: inout [String]) throws(PipelineError) {
        let header = profile.header, texts = Guess.questionTexts(profile.layout), format = profile.layout.format
        let file = MessageText.quoted(profile.path)
        // The platform's own submission column is found without a rename (SPEC §3.6 default columns).
        let platformDate = format.submittedAtDefaults.lazy.compactMap { name in header.firstIndex(of: name) }.first
        let id = format.hasNoID ? nil : Guess.idColumn(header, kind: kind)
        let date = platformDate ?? Guess.dateColumn(header)
        let area = Guess.areaColumn(header, texts: texts), comment = Guess.commentColumn(header, texts: texts)
        let breakdowns = Guess.breakdowns(header, kind: kind)
        for (canonical, index) in [("submitted_at", date), ("area", area), ("comment", comment)] {
            if let index, AreaCatalog.fold(header[index]) != canonical, !(canonical == "submitted_at" && index == platformDate) {
                renames.append((canonical, .string(header[index])))
            }
        }
        if id == nil {
            notes.append("\(file): no id column found (respondent_id, response_id, id): id_column is null, so every "
                         + "row counts as its own respondent and duplicates are not looked for")
        }
        if date == nil {
            notes.append("\(file): no submission-time column found: name it in inputs.columns.\(kind.rawValue).submitted_at")
        }
        if area == nil { notes.append("\(file): no area column found: every row goes to the catch-all area") }
        let roles = Set([id, date, area, comment].compactMap { $0 } + breakdowns)
        // An item's text: the question text where the format has one (Qualtrics' row 2), else its header.
        let text = { (index: Int) in texts.indices.contains(index) ? texts[index].flatMap { $0.isEmpty ? nil : $0 } ?? header[index] : header[index] }
        var items: [(index: Int, key: String, scale: Scale)] = [], recommend: String?
        var integerColumns: [(index: Int, range: ClosedRange<Int>)] = []
        for index in header.indices where !roles.contains(index) && !Guess.isMetadata(header[index]) {
            let name = "\"" + MessageText.quoted(header[index]) + "\""
            switch Guess.scale(profile.columns[index]) {
            case .builtIn(.zeroToTen) where recommend == nil:
                recommend = header[index]
                items.append((index, header[index], .zeroToTen))
            case .builtIn(.zeroToTen):
                notes.append("\(file): \(name) left out: a second 0-10 column (only \"\(MessageText.quoted(recommend ?? ""))\" is the recommend item)")
            case .builtIn(let scale):
                items.append((index, header[index], scale))
            case .integers(let range):
                integerColumns.append((index, range))
            case .notAScale(let why):
                notes.append("\(file): \(name) left out: \(why)")
            }
        }
        if recommend == nil, let near = Self.nearZeroToTen(profile, integerColumns) {
            // A near 0-10 column is most likely the recommend item with stray answers: taken, its strays shown.
            recommend = header[near.index]
            items.append((near.index, header[near.index], .zeroToTen))
            notes.append("\(file): no column holds only 0-10 answers; \"\(MessageText.quoted(header[near.index]))\" is the "
                         + "recommend item; answers outside 0-10: \(near.outside) (first: \"\(near.example)\" on line "
                         + "\(near.line)), which run rejects as invalid_value: check them")
        }
        for (index, range) in integerColumns where header[index] != recommend {
            guard let scale = Self.integerScale(range) else {
                notes.append("\(file): \"\(MessageText.quoted(header[index]))\" left out: integers \(range.lowerBound)–\(range.upperBound) "
                             + "are no scale (a scale runs from 0 to at most 100)")
                continue
            }
            if !scales.contains(scale) {
                scales.append(scale)
                notes.append("\(file): scale \"\(scale.name)\" (integers \(scale.min)–\(scale.max), as seen) for "
                             + "\"\(MessageText.quoted(header[index]))\": check its min and max against the questionnaire")
            }
            items.append((index, header[index], scale))
        }
        if profile.encoding == .utf8, profile.invalidUTF8Rows > 0 {
            notes.append("\(file): \(profile.invalidUTF8Rows) rows are not valid UTF-8 while more hold UTF-8 text: "
                         + "read as utf-8, run rejects those rows as encoding")
        }
        if recommend == nil {
            notes.append("\(file): no 0-10 column: recommend_item is null, so the eNPS / NPS figures are null (SPEC §3.6)")
        }
        let scored = items.filter { $0.scale != .zeroToTen }.map(\.key)
        let ranges = Dictionary(items.map { ($0.key, $0.scale.range) }, uniquingKeysWith: { first, _ in first })
        constructs = Self.fitted(Self.constructs(scored, kind: kind)) { ranges[$0] ?? 1 }
        for construct in constructs where construct.name.hasSuffix("_2") {
            notes.append("\(file): construct \"\(MessageText.quoted(String(construct.name.dropLast(2))))\" is split into parts "
                         + "(too many items for exact totals): check the constructs")
        }
        var form: [(String, JSONOutput)] = [("id_column", id.map { .string(header[$0]) } ?? .null)]
        form.append(("recommend_item", .string(recommend)))
        form.append(("breakdowns", .array(breakdowns.map { .string(header[$0]) })))
        form.append(("items", .array(items.map { item in
            .object([("key", .string(item.key)), ("text", .string(text(item.index))), ("scale", .string(item.scale.name))])
        })))
        json = .object(form)
        itemCount = items.count
        notes.append("\(file): read as \(format.rawValue) (\(profile.layout.headerRows) header "
            + "row\(profile.layout.headerRows == 1 ? "" : "s")), " + (SurveyFileReader.isXLSX(profile.path) ? "a workbook"
                : "\(profile.encoding.rawValue), delimiter \"\(ConfigDrafter.delimiterName(profile.delimiter))\"")
            + "; \(profile.rows) rows, \(items.count) items (" + Dictionary(grouping: items, by: \.scale.name)
            .sorted { $0.key < $1.key }.map { "\($0.value.count) \($0.key)" }
            .joined(separator: ", ") + ")" + (recommend.map { ", recommend item \"\(MessageText.quoted($0))\"" } ?? ""))
    }

    /// One construct per prefix that two or more items share; the other items form one construct
    /// named after the survey (all of them when no prefix is shared).
    static func constructs(_ keys: [String], kind: SurveyKind) -> [DraftConstruct] {
        var groups: [(prefix: String, items: [String])] = []
        for key in keys {
            guard let prefix = Guess.prefix(key) else { continue }
            if let index = groups.firstIndex(where: { $0.prefix == prefix }) {
                groups[index].items.append(key)
            } else {
                groups.append((prefix, [key]))
            }
        }
        let shared = groups.filter { $0.items.count > 1 }
        let grouped = Set(shared.flatMap(\.items))
        var constructs = shared.map { DraftConstruct(name: $0.prefix, survey: kind, items: $0.items) }
        let rest = keys.filter { !grouped.contains($0) }
        if !rest.isEmpty { constructs.append(DraftConstruct(name: kind.rawValue, survey: kind, items: rest)) }
        return constructs
    }

    /// The user-defined scale (SPEC §3.4 `instrument.scales`) of integers `range` as seen: codes 0…100, two or more points.
    static func integerScale(_ range: ClosedRange<Int>) -> Scale? {
        guard range.lowerBound >= 0, range.upperBound <= 100, range.lowerBound < range.upperBound else { return nil }
        return Scale(name: "int\(range.lowerBound)_\(range.upperBound)", min: range.lowerBound, max: range.upperBound)
    }

    /// Splits each construct too large for exact totals (`ConstructUnits`, SPEC §4) into consecutive
    /// parts `name`, `name_2`, … that each fit, so that `validate` accepts the config written.
    static func fitted(_ constructs: [DraftConstruct], range: (String) -> Int) -> [DraftConstruct] {
        constructs.flatMap { construct -> [DraftConstruct] in
            var parts: [[String]] = [[]]
            for key in construct.items {
                if let last = parts.last, !last.isEmpty, ConstructUnits(ranges: (last + [key]).map(range)) == nil {
                    parts.append([])
                }
                parts[parts.count - 1].append(key)
            }
            return parts.enumerated().map { part in
                DraftConstruct(name: part.offset == 0 ? construct.name : "\(construct.name)_\(part.offset + 1)",
                               survey: construct.survey, items: part.element)
            }
        }
    }

    /// The integer column closest to 0–10: a 9 or 10 among its answers and at least 95% of them in 0…10.
    private static func nearZeroToTen(_ profile: FileProfile, _ columns: [(index: Int, range: ClosedRange<Int>)])
        -> (index: Int, outside: Int, example: String, line: Int)? {
        for (index, _) in columns {
            let values = profile.columns[index].values
            let inside = values.filter { (Guess.integer($0.key) ?? -1) <= 10 && (Guess.integer($0.key) ?? -1) >= 0 }
            guard inside.keys.contains("9") || inside.keys.contains("10") else { continue }
            let answered = profile.columns[index].answered, kept = inside.values.reduce(0) { $0 + $1.count }
            guard Double(kept) >= 0.95 * Double(answered),
                  let first = values.filter({ inside[$0.key] == nil }).min(by: { $0.value.line < $1.value.line })
            else { continue }
            return (index, answered - kept, MessageText.quoted(first.key), first.value.line)
        }
        return nil
    }

    /// The default form of SPEC §3.2 / §3.3, for a survey `init` was not given.
    static func defaultJSON(_ kind: SurveyKind) -> JSONOutput {
        let form = DefaultInstrument.value.form(kind)
        return .object([
            ("id_column", .string(form.idColumn)), ("recommend_item", .string(form.recommendItem)),
            ("breakdowns", .array(form.breakdowns.map(JSONOutput.string))),
            ("items", .array(form.items.map { item in
                .object([("key", .string(item.key)), ("text", .string(item.text)), ("scale", .string(item.scale.name))])
            })),
        ])
    }
}

/// The areas: the area column's distinct values over every file, trimmed, first spelling seen.
struct DraftAreas: Sendable {
    var names: [(name: String, rows: Int)] = []

    init(_ profiles: [FileProfile]) {
        var index: [String: Int] = [:]
        for profile in profiles {
            guard let column = Guess.areaColumn(profile.header, texts: Guess.questionTexts(profile.layout)) else { continue }
            for (value, seen) in profile.columns[column].values.sorted(by: { $0.value.line < $1.value.line }) {
                let key = AreaCatalog.fold(value)
                if let at = index[key] {
                    names[at].rows += seen.count
                } else {
                    index[key] = names.count
                    names.append((value, seen.count))
                }
            }
        }
    }

    /// The catch-all area's name when no file has an area column.
    static let catchAll = "All"

    var json: JSONOutput {
        names.isEmpty ? .array([.object([("name", .string(Self.catchAll))])])
            : .array(names.map { .object([("name", .string($0.name))]) })
    }

    var notes: [String] {
        guard !names.isEmpty else { return [] }
        return ["\(names.count) areas (rows): " + MessageText.list(names.map { "\($0.name) \($0.rows)" })
                + "; set each area's headcount, and make other spellings of one area its aliases"]
    }
}
