import Export
import Foundation
import SurveyModel

/// A first pipeline.json drafted from survey exports (SPEC §8 `init`), and what the user
/// should check in it.
public struct ConfigDraft: Sendable {
    /// The config, pretty-printed JSON.
    public var json: String
    /// What was guessed and what to check, one sentence each.
    public var notes: [String]
}

/// Drafts a config that `validate` accepts on the files it was drafted from: areas from the
/// area column, every answer column as an item on the narrowest scale holding its answers,
/// one construct per shared column prefix (else one per survey), equal weights over them.
public enum ConfigDrafter {
    /// - Parameters:
    ///   - employees, customers: the files to read (every row); nil when the survey is absent.
    ///   - configFolder: where the config will live; input paths are written relative to it.
    public static func draft(employees: String?, customers: String?,
                             configFolder: String) throws(PipelineError) -> ConfigDraft {
        guard employees != nil || customers != nil else {
            throw .usage("init needs --employees FILE, --customers FILE or both")
        }
        var notes: [String] = []
        var forms: [(kind: SurveyKind, path: String, profile: FileProfile, form: DraftForm)] = []
        for (kind, path) in [(SurveyKind.employee, employees), (.customer, customers)] {
            guard let path else { continue }
            let profile = try FileProfile.read(path: path)
            let form = try DraftForm(profile, kind: kind, notes: &notes)
            guard form.itemCount > 0 else {
                // Either survey may run alone (SPEC §3.7): a form without items would fail validate.
                notes.append("\(MessageText.quoted(path)): no column holds a scale's answers, so the \(kind.rawValue) "
                             + "survey is left out: add its items and its file by hand")
                continue
            }
            forms.append((kind, path, profile, form))
        }
        var constructs: [DraftConstruct] = []
        for var construct in forms.flatMap(\.form.constructs) {
            if constructs.contains(where: { $0.name == construct.name }) { construct.name += "_" + construct.survey.rawValue }
            constructs.append(construct)
        }
        guard !constructs.isEmpty else {
            throw .input(file: [employees, customers].compactMap { $0 }.joined(separator: ", "), line: nil,
                         message: "no answer column holds a scale's answers, so there is nothing to score")
        }
        let areas = DraftAreas(forms.map(\.profile))
        notes += areas.notes
        notes.append("constructs: " + constructs.map { "\($0.name) (\($0.items.count) items)" }.joined(separator: ", ")
                     + "; check the grouping (one construct per column prefix before \"_\", else one per survey) "
                     + "and the equal weights in scoring.weights")
        notes.append("no item is marked reversed: set \"reverse\": true on items where a high answer is bad "
                     + "(such as how often waste is seen)")
        let delimiters = Set(forms.map(\.profile.delimiter))
        if delimiters.count > 1 {
            notes.append("the files use different delimiters; the config can hold one: set inputs.delimiter or "
                         + "pass --delimiter per run")
        }
        var inputs: [(String, JSONOutput)] = []
        for kind in SurveyKind.allCases {
            let paths = forms.filter { $0.kind == kind }.map { relative($0.path, to: configFolder) }
            inputs.append((kind == .employee ? "employees" : "customers", .array(paths.map(JSONOutput.string))))
        }
        inputs.append(("delimiter", .string(delimiterName(forms[0].profile.delimiter))))
        // Per kind, as the surveys may come from different platforms; left out when every file is plain.
        if forms.contains(where: { Guess.format($0.profile) != nil }) {
            let kinds = SurveyKind.allCases.compactMap { kind in forms.first { $0.kind == kind } }
            inputs.append(("format", .object(kinds.map { ($0.kind.rawValue, .string(Guess.format($0.profile) ?? "plain")) })))
        }
        if forms.contains(where: { Guess.encoding($0.profile) != nil }) {
            let kinds = SurveyKind.allCases.compactMap { kind in forms.first { $0.kind == kind } }
            inputs.append(("encoding", .object(kinds.map {
                ($0.kind.rawValue, .string(Guess.encoding($0.profile) ?? InputEncoding.utf8.rawValue))
            })))
            for form in forms where Guess.encoding(form.profile) == InputEncoding.windows1252.rawValue {
                notes.append("\(MessageText.quoted(form.path)): not UTF-8, read as windows-1252 (Excel's \"CSV\" on Windows): "
                             + "check that accented letters in the areas and comments look right")
            }
        }
        inputs.append(("columns", .object(forms.map { ($0.kind.rawValue, .object($0.form.renames)) })))
        var instrument: [(String, JSONOutput)] = []
        for kind in SurveyKind.allCases {
            if let form = forms.first(where: { $0.kind == kind })?.form {
                instrument.append((kind.rawValue, form.json))
            } else {
                // The config holds both forms; the absent survey's is the default one (SPEC §3.3), unused
                // while its file list is empty (either survey alone, SPEC §3.7).
                instrument.append((kind.rawValue, DraftForm.defaultJSON(kind)))
                notes.append("no \(kind.rawValue) survey: the \(kind.rawValue) form is the default one, unused while "
                             + "inputs.\(kind == .employee ? "employees" : "customers") is empty")
            }
        }
        instrument.append(("constructs", .array(constructs.map(\.json))))
        var scales: [Scale] = []
        for scale in forms.flatMap(\.form.scales) where !scales.contains(scale) { scales.append(scale) }
        if !scales.isEmpty {
            instrument.append(("scales", .array(scales.map { scale in
                .object([("name", .string(scale.name)), ("min", .integer(scale.min)), ("max", .integer(scale.max))])
            })))
        }
        instrument.append(("comment_themes", .array(DefaultCommentThemes.eightWastes.map { theme in
            .object([("name", .string(theme.name)), ("label", .string(theme.label)),
                     ("keywords", .array(theme.keywords.map(JSONOutput.string)))])
        })))
        let weight = 1 / Double(constructs.count)
        let defaults = PrivacyConfig()
        var sections: [(String, JSONOutput)] = [("inputs", .object(inputs)), ("areas", areas.json)]
        if areas.names.isEmpty { sections.append(("catch_all_area", .string(DraftAreas.catchAll))) }
        let document = JSONOutput.object(sections + [
            ("wave_period", .string("quarter")),
            ("instrument", .object(instrument)),
            ("scoring", .object([("weights", .object(constructs.map { ($0.name, .number(weight)) }))])),
            ("privacy", .object([("min_group_size", .integer(defaults.minGroupSize)),
                                 ("min_comment_group_size", .integer(defaults.minCommentGroupSize))])),
            ("quality_gate", .object([("max_reject_fraction", .number(0.05))])),
            ("output", .object([("folder", .string("reports")), ("report_name", .string("readiness-{wave}"))])),
        ])
        return ConfigDraft(json: document.rendered(), notes: notes)
    }

    /// `path` as the config should name it: relative paths are read from the config's folder.
    static func relative(_ path: String, to folder: String) -> String {
        if folder.isEmpty || folder == "." { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.path + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }

    static func delimiterName(_ byte: UInt8) -> String { byte == 9 ? "tab" : String(UnicodeScalar(byte)) }
}
