/// Where the survey exports are and how to read them.
public struct InputConfig: Sendable, Hashable {
    public var employees: [String]
    public var customers: [String]
    /// One byte: `,`, `;`, tab or `|`; nil is `auto` (the default): chosen per file from its
    /// header row (SPEC §3.1).
    public var delimiter: UInt8?
    /// `inputs.encoding` per survey kind; a kind not listed is `utf-8` (see `encoding(_:)`).
    public var encodings: [SurveyKind: InputEncoding] = [:]
    /// Per survey kind: canonical column name → header used in the files.
    public var renames: [SurveyKind: [String: String]]
    /// `inputs.date_formats`, compiled: tried after the built-in date forms, for both surveys.
    public var datePatterns: DatePatterns
    /// A field longer than this (in bytes, as read) rejects its row as `field_too_long`
    /// instead of being held whole (SPEC §7); `inputs.max_field_bytes`.
    public var maxFieldBytes: Int
    /// `inputs.format` (SPEC §3.6): how each survey's files lay out their header.
    public var formats: InputFormats
    /// `inputs.drop_non_responses`: reject a platform's previews, tests and unfinished rows as `not_a_response`.
    public var dropNonResponses: Bool

    /// The default of `maxFieldBytes`: 1 MiB.
    public static let defaultMaxFieldBytes = 1 << 20
    /// The largest `maxFieldBytes` accepted: 1 GiB.
    public static let maxFieldBytesLimit = 1 << 30

    public init(employees: [String] = [], customers: [String] = [], delimiter: UInt8? = nil,
                renames: [SurveyKind: [String: String]] = [:], datePatterns: DatePatterns = .none,
                maxFieldBytes: Int = defaultMaxFieldBytes, formats: InputFormats = InputFormats(),
                dropNonResponses: Bool = true) {
        self.employees = employees
        self.customers = customers
        self.delimiter = delimiter
        self.renames = renames
        self.datePatterns = datePatterns
        self.maxFieldBytes = maxFieldBytes
        self.formats = formats
        self.dropNonResponses = dropNonResponses
    }

    /// The configured encoding of `kind`'s files.
    public func encoding(_ kind: SurveyKind) -> InputEncoding { encodings[kind] ?? .utf8 }
}

/// A readiness band: readiness at or above `min` earns `label`.
public struct Band: Sendable, Hashable {
    public var label: String
    public var min: Double
    public init(label: String, min: Double) {
        self.label = label
        self.min = min
    }
}

/// Weights and thresholds of SPEC §5.
public struct ScoringConfig: Sendable, Hashable {
    public var minAnsweredFraction = 0.5
    public var quadrantThreshold = 60.0
    /// Readiness weight per construct name.
    public var weights: [String: Double] = [
        "leadership": 0.30, "management": 0.10, "employee_life": 0.20, "low_waste": 0.15, "customer_life": 0.25,
    ]
    /// Highest first.
    public var bands: [Band] = [Band(label: "Ready", min: 75), Band(label: "Emerging", min: 60)]
    public var lowestBand = "Not ready"
    public var evaporationDrop = 10.0
    public var minDriverN = 30
    /// `scoring.roles` (SPEC §5 Roles).
    public var roles = ConstructRoles()
    public init() {}
}

/// The privacy thresholds of SPEC §9.
public struct PrivacyConfig: Sendable, Hashable {
    public var minGroupSize = 5
    public var minCommentGroupSize = 10
    public init() {}
}

/// The whole of `pipeline.json`, validated.
public struct PipelineConfig: Sendable {
    public var inputs: InputConfig
    public var areas: [Area]
    public var catchAllArea: String?
    public var wavePeriod: WavePeriod
    public var instrument: Instrument
    public var scoring: ScoringConfig
    public var privacy: PrivacyConfig
    /// Above this share of rejected rows the workbook is not published (exit 4).
    public var maxRejectFraction: Double
    public var outputFolder: String
    /// `{wave}` is replaced by the report wave.
    public var reportName: String
    /// `output.comment_examples` and `output.per_area`.
    public var output = OutputOptions()

    public init(inputs: InputConfig, areas: [Area], catchAllArea: String? = nil, wavePeriod: WavePeriod = .quarter,
                instrument: Instrument, scoring: ScoringConfig = ScoringConfig(), privacy: PrivacyConfig = PrivacyConfig(),
                maxRejectFraction: Double = 0.05, outputFolder: String = "reports", reportName: String = "readiness-{wave}") {
        self.inputs = inputs
        self.areas = areas
        self.catchAllArea = catchAllArea
        self.wavePeriod = wavePeriod
        self.instrument = instrument
        self.scoring = scoring
        self.privacy = privacy
        self.maxRejectFraction = maxRejectFraction
        self.outputFolder = outputFolder
        self.reportName = reportName
    }

    public var areaCatalog: AreaCatalog { AreaCatalog(areas: areas, catchAllName: catchAllArea) }
}
