import Ingest
import SurveyModel

/// `init`'s guesses, one function each, so that a format, an encoding or a scale that lands
/// later slots in as one more function (SPEC §8 `init`).
public enum Guess {
    /// SPEC §3.1 `auto`: whichever of `,` `;` tab `|` occurs most often outside quotes in the
    /// first header row; `,` on a tie or none.
    public static func delimiter(headerBytes bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        for byte in body {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 10 || byte == 13 { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        guard let top = counts.max(), top > 0, counts.filter({ $0 == top }).count == 1 else { return candidates[0] }
        return candidates[counts.firstIndex(of: top) ?? 0]
    }

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

    public static func areaColumn(_ header: [String]) -> Int? {
        first(in: header, named: ["area", "department", "division", "business unit", "region", "team"])
    }

    public static func commentColumn(_ header: [String]) -> Int? {
        first(in: header, named: ["comment", "comments"])
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
}
