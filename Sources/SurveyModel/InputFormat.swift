/// How a survey platform lays out an export's header (SPEC §3.6): `inputs.format`,
/// one value for both surveys or one per survey kind. `auto` looks at the file.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case auto
    case plain
    case qualtrics
    case surveymonkey
    case googleForms = "google_forms"
    case microsoftForms = "microsoft_forms"

    /// The file columns `submitted_at` defaults to in this format, in the order tried
    /// (after the renames of `inputs.columns`, before our own name).
    public var submittedAtDefaults: [String] {
        switch self {
        case .auto, .plain: []
        case .qualtrics: ["RecordedDate", "EndDate"]
        case .surveymonkey: ["End Date"]
        case .googleForms: ["Timestamp"]
        case .microsoftForms: ["Completion time"]
        }
    }

    /// The file column the form's id defaults to in this format.
    public var idDefaults: [String] {
        switch self {
        case .auto, .plain, .googleForms: []
        case .qualtrics: ["ResponseId"]
        case .surveymonkey: ["Respondent ID"]
        case .microsoftForms: ["ID"]
        }
    }

    /// The platform's own metadata columns (respondent, timing, location, distribution), read
    /// where a default needs them and otherwise expected: not reported as unknown columns.
    public var metadataColumns: Set<String> {
        switch self {
        case .auto, .plain: []
        case .qualtrics:
            ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
             "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
             "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
        case .surveymonkey:
            ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
             "First Name", "Last Name", "Custom Data 1"]
        case .googleForms: ["Timestamp", "Email Address", "Score"]
        case .microsoftForms: ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
        }
    }

    /// The date patterns this format adds after `inputs.date_formats`.
    public var datePatternTexts: [String] {
        switch self {
        case .surveymonkey: ["%m/%d/%Y %I:%M:%S %p"]
        case .googleForms: ["%Y/%m/%d %I:%M:%S %p %z", "%m/%d/%Y %H:%M:%S"]
        default: []
        }
    }

    /// `user` (the compiled `inputs.date_formats`) with this format's own patterns appended.
    public func datePatterns(after user: DatePatterns) throws(PipelineError) -> DatePatterns {
        user.appending(try DatePatterns(compiling: datePatternTexts, path: "inputs.format"))
    }

    /// Whether the format marks previews, tests or unfinished rows, rejected as `not_a_response`.
    public var dropsNonResponses: Bool { self == .qualtrics }

    /// Whether the form's id column is ignored: every row is its own respondent.
    public var hasNoID: Bool { self == .googleForms }

    /// Whether the id is unique per file only, so duplicates are looked for within each file.
    public var idPerFile: Bool { self == .microsoftForms }
}

/// `inputs.format` per survey kind (default `auto` for both).
public struct InputFormats: Sendable, Hashable {
    public var employee: InputFormat
    public var customer: InputFormat

    public init(employee: InputFormat = .auto, customer: InputFormat = .auto) {
        self.employee = employee
        self.customer = customer
    }

    public subscript(kind: SurveyKind) -> InputFormat { kind == .employee ? employee : customer }
}
