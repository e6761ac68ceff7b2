import Ingest
import SurveyModel

/// `init`'s guesses, one function each, so that a format, an encoding or a scale that lands
/// later slots in as one more function (SPEC §8 `init`).
public enum Guess {
    /// `inputs.format`: the platform `auto` finds (SPEC §3.6); nil for the plain layout (the key is then not written).
    public static func format(_ profile: FileProfile) -> String? {
        profile.layout.format == .plain ? nil : profile.layout.format.rawValue
    }

    /// `inputs.encoding` (SPEC §3.1): nil for UTF-8.
    public static func encoding(_ profile: FileProfile) -> String? {
        switch profile.encoding {
        case .utf8: nil
        case .windows1252: InputEncoding.windows1252.rawValue
        case .utf16LE, .utf16BE: InputEncoding.utf16.rawValue
        }
    }

    /// The id column: our default names, then the platforms'.
    public static func idColumn(_ header: [String], kind: SurveyKind) -> Int? {
        let own = kind == .employee ? "respondent_id" : "response_id"
        return first(in: header, named: [own, "respondent_id", "response_id", "responseid", "respondent id", "id"])
    }

    /// The submission time: ours, then the platforms' (Qualtrics, SurveyMonkey, Google and Microsoft Forms).
    public static func dateColumn(_ header: [String]) -> Int? {
        first(in: header, named: ["submitted_at", "recordeddate", "enddate", "end date", "timestamp",
                                  "completion time", "submitted", "date"])
    }

    /// The question text of each column: Qualtrics' second header row, or the header itself where a
    /// form's header is its questions (Google and Microsoft Forms); nil where there is none.
    public static func questionTexts(_ layout: HeaderLayout) -> [String?] {
        switch layout.format {
        case .googleForms, .microsoftForms: layout.names.map { Optional($0) }
        default: layout.texts
        }
    }

    /// The area column by its name, else (platform exports) by a question text naming one of the same words.
    public static func areaColumn(_ header: [String], texts: [String?] = []) -> Int? {
        first(in: header, named: ["area", "department", "division", "business unit", "region", "team"], texts: texts)
    }

    /// The comment column by its name, else by a question text with the word (`Any other comments?`).
    public static func commentColumn(_ header: [String], texts: [String?] = []) -> Int? {
        first(in: header, named: ["comment", "comments"], texts: texts)
    }

    /// Optional breakdowns of SPEC §3.2–§3.3 present in the header.
    public static func breakdowns(_ header: [String], kind: SurveyKind) -> [Int] {
        (kind == .employee ? ["role"] : ["segment", "channel"]).compactMap { first(in: header, named: [$0]) }
    }

    /// Columns a survey platform adds that are not answers.
    public static let metadataColumns: Set<String> = [
        "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
        "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail",
        "externalreference", "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
        "respondent id", "collector id", "start date", "end date", "ip address", "email address", "first name",
        "last name", "custom data 1", "timestamp", "score", "start time", "completion time", "email", "name",
        "last modified time", "total points", "quiz feedback",
    ]

    public static func isMetadata(_ name: String) -> Bool { metadataColumns.contains(AreaCatalog.fold(name)) }

    /// The construct an item belongs to: its name up to the first `_` (`lead_vision` → `lead`), nil without one.
    public static func prefix(_ key: String) -> String? {
        guard let underscore = key.firstIndex(of: "_"), underscore != key.startIndex else { return nil }
        return String(key[..<underscore])
    }

    private static func first(in header: [String], named names: [String]) -> Int? {
        let folded = header.map(AreaCatalog.fold)
        for name in names { if let index = folded.firstIndex(of: name) { return index } }
        return nil
    }

    /// `first(in:named:)`, else the first question text holding one of `names` as a whole word.
    private static func first(in header: [String], named names: [String], texts: [String?]) -> Int? {
        if let index = first(in: header, named: names) { return index }
        return texts.firstIndex { text in
            guard let text else { return false }
            let words = AreaCatalog.fold(text).split { !$0.isLetter }.map(String.init)
            return names.contains { name in words.contains(name) }
        }
    }
}
