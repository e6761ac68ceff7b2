import CSVParser
import Foundation
import SurveyModel

/// Where each column the instrument needs sits in one file's header (SPEC §3.1, §3.6):
/// a rename from pipeline.json first, then the format's default name, then our own name;
/// names match case-insensitively after trimming and collapsing inner white space.
/// A class, so the per-row code shares one instance instead of copying its arrays.
public final class HeaderMap: Sendable {
    public let width: Int
    /// Every header cell as written, so a reject can name the offending column.
    public let names: [String]
    /// The format the file is read in (never `auto`) and its header rows.
    public let layout: HeaderLayout
    /// Nil when the form has no id (`id_column: null`, `google_forms`): each row is its own respondent.
    public let id: Int?
    public let submittedAt: Int
    /// Nil when the file has no area column and a catch-all area is configured (SPEC §3.5).
    public let area: Int?
    /// One per form item, in form order.
    public let items: [Int]
    /// Reads each form item's answers by its scale, in form order.
    public let answers: AnswerDecoder
    /// One per form breakdown; nil when the file lacks it.
    public let breakdowns: [Int?]
    public let comment: Int?
    /// Qualtrics' `Status` and `Finished` columns, when rows that are not responses are dropped.
    public let status: Int?
    public let finished: Int?
    /// Header cells the instrument does not use, as written.
    public let unknownColumns: [String]

    /// - Parameter catchAll: whether a catch-all area is configured (the area column is then optional).
    /// - Throws: `PipelineError.input` naming the missing or repeated column or the rename the file lacks;
    ///   `.config` when a question text names several columns or two of ours map to one file column.
    public init(layout: HeaderLayout, form: SurveyForm, renames: [String: String], file: String,
                catchAll: Bool = false, dropNonResponses: Bool = true) throws(PipelineError) {
        var resolver = ColumnResolver(layout: layout, file: file, kind: form.kind)
        let format = layout.format
        width = layout.names.count
        names = layout.names
        self.layout = layout
        func find(_ canonical: String, defaults: [String] = [], required: Bool) throws(PipelineError) -> Int? {
            try resolver.find(canonical, rename: renames[canonical], defaults: defaults, required: required)
        }
        if let idColumn = form.idColumn, !format.hasNoID {
            id = try find(idColumn, defaults: format.idDefaults, required: true)
        } else {
            id = nil
        }
        submittedAt = try find("submitted_at", defaults: format.submittedAtDefaults, required: true) ?? 0
        area = try find("area", required: !catchAll)
        var items: [Int] = []
        for item in form.items { items.append(try find(item.key, required: true) ?? 0) }
        self.items = items
        answers = AnswerDecoder(form.items.map(\.scale))
        var breakdowns: [Int?] = []
        for name in form.breakdowns { breakdowns.append(try find(name, required: false)) }
        self.breakdowns = breakdowns
        comment = try find("comment", required: false)
        let platformChecks = format.dropsNonResponses && dropNonResponses
        status = platformChecks ? try resolver.platformColumn("Status") : nil
        finished = platformChecks ? try resolver.platformColumn("Finished") : nil
        if !resolver.missing.isEmpty { throw Self.missingColumns(resolver.missing, names: layout.names, file: file) }
        unknownColumns = (0..<layout.names.count).filter { !resolver.used.keys.contains($0) }.map { layout.names[$0] }
            .filter { !layout.format.metadataColumns.contains($0) }
    }

    /// One input error for every missing column of a file (SPEC §3.1), the header's first names beside
    /// them: a 10,000-column header stays one short message (SPEC §3.1 "Messages").
    static func missingColumns(_ missing: [String], names: [String], file: String) -> PipelineError {
        var shown = missing.prefix(MessageText.maxListed).joined(separator: ", ")
        if missing.count > MessageText.maxListed { shown += ", … and \(missing.count - MessageText.maxListed) more" }
        let present = MessageText.list(names)
        return .input(file: file, line: 1, message: "missing required column\(missing.count == 1 ? "" : "s") \(shown) "
                      + "(the header has \(names.count) column\(names.count == 1 ? "" : "s"): \(present))")
    }

    /// Column name in its comparison form (SPEC §3: trimmed, inner white space collapsed, case ignored).
    static func fold(_ name: String) -> String {
        AreaCatalog.fold(name.precomposedStringWithCanonicalMapping)
    }
}

/// Finds our columns among a file's header names and question texts, remembering which
/// file column each of ours took so that two of ours never share one.
struct ColumnResolver {
    let layout: HeaderLayout
    let file: String
    let kind: SurveyKind
    private var byName: [String: [Int]] = [:]
    private var byText: [String: [Int]] = [:]
    /// File column → our column that took it.
    private(set) var used: [Int: String] = [:]
    /// Required columns the file lacks, quoted for the one error that lists them all (SPEC §3.1).
    private(set) var missing: [String] = []

    init(layout: HeaderLayout, file: String, kind: SurveyKind) {
        self.layout = layout
        self.file = file
        self.kind = kind
        for (index, name) in layout.names.enumerated() { byName[HeaderMap.fold(name), default: []].append(index) }
        for (index, text) in layout.texts.enumerated() {
            if let text, !text.isEmpty { byText[HeaderMap.fold(text), default: []].append(index) }
        }
    }

    /// The file column of our column `canonical`: its rename, else the first default the file has, else its own name.
    mutating func find(_ canonical: String, rename: String?, defaults: [String],
                       required: Bool) throws(PipelineError) -> Int? {
        let key = "inputs.columns.\(kind.rawValue).\(canonical)"
        if let rename {
            guard let index = try position(of: rename, key: key) else {
                // A rename the file lacks is missing even for an optional column (SPEC §3.6); it is
                // listed with the others, naming its key.
                missing.append("\"\(MessageText.quoted(rename))\" (\(key))")
                return nil
            }
            return try take(index, for: canonical, key: key)
        }
        for name in defaults + [canonical] {
            if let index = try position(of: name, key: "inputs.format") {
                return try take(index, for: canonical, key: key)
            }
        }
        if required { missing.append("\"\(MessageText.quoted(canonical))\"") }
        return nil
    }

    /// A column the format itself reads (Qualtrics' `Status`), when the file has it.
    mutating func platformColumn(_ name: String) throws(PipelineError) -> Int? {
        guard let index = try position(of: name, key: "inputs.format") else { return nil }
        used[index] = used[index] ?? name
        return index
    }

    /// The one column whose header name, else question text, is `name`.
    private func position(of name: String, key: String) throws(PipelineError) -> Int? {
        let folded = HeaderMap.fold(name)
        if let found = byName[folded] {
            guard found.count == 1 else {
                if layout.format == .surveymonkey { throw ambiguous(name, found, key: key) }
                throw .input(file: file, line: 1, message: "column \"\(MessageText.quoted(name))\" appears \(found.count) times in the header "
                             + "(columns \(MessageText.list(found.map { String($0 + 1) }))))")
            }
            return found[0]
        }
        guard let found = byText[folded] else { return nil }
        guard found.count == 1 else { throw ambiguous(name, found, key: key) }
        return found[0]
    }

    private func ambiguous(_ name: String, _ found: [Int], key: String) -> PipelineError {
        .config(path: key, message: "the question text \"\(name)\" names \(found.count) columns of \(file) "
                + "(\(found.map { "\"\(layout.names[$0])\"" }.joined(separator: ", "))): rename by header name instead")
    }

    private mutating func take(_ index: Int, for canonical: String, key: String) throws(PipelineError) -> Int {
        if let other = used[index], other != canonical {
            throw .config(path: key, message: "maps to the file column \"\(layout.names[index])\" of \(file), "
                          + "which \(other) already reads: two of our columns cannot share one file column")
        }
        used[index] = canonical
        return index
    }
}
