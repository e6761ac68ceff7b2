/// What the run read from one input file, for the JSON `inputs` list and the data-quality sheet.
public struct InputSummary: Sendable, Hashable {
    public var path: String
    public var kind: SurveyKind
    public var sha256: String
    public var rowsRead: Int
    public var accepted: Int
    /// Rejected rows of this file by reason (duplicates included).
    public var rejectedByReason: [RejectReason: Int]
    /// Header columns the instrument does not use.
    public var unknownColumns: [String]
    /// The format the file was read in (never `auto`) and the header rows it skipped (SPEC §3.6).
    public var format: InputFormat
    public var headerRows: Int
    /// What the file was read as: `utf-8`, `windows-1252`, `utf-16le` or `utf-16be`.
    public var encoding: String

    public var rejected: Int { rowsRead - accepted }

    /// For a UTF-8 file with rows rejected as `encoding`: the count and the hint to set
    /// `inputs.encoding: "windows-1252"` (SPEC §3.1), for the run's warning and the data-quality sheet.
    public var encodingHint: String? {
        Self.encodingHint(encoding: encoding, rejected: rejectedByReason[.encoding] ?? 0)
    }

    /// See `encodingHint`; nil unless `encoding` is `utf-8` and `rejected` is above 0.
    public static func encodingHint(encoding: String, rejected: Int) -> String? {
        guard encoding == "utf-8", rejected > 0 else { return nil }
        return "\(rejected) \(rejected == 1 ? "row" : "rows") rejected as encoding (not valid UTF-8); if Excel on "
            + "Windows saved this file, set inputs.encoding: \"windows-1252\""
    }

    public init(path: String, kind: SurveyKind, sha256: String, rowsRead: Int, accepted: Int,
                rejectedByReason: [RejectReason: Int], unknownColumns: [String], format: InputFormat = .plain,
                headerRows: Int = 1, encoding: String = "utf-8") {
        self.format = format
        self.headerRows = headerRows
        self.path = path
        self.kind = kind
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejectedByReason = rejectedByReason
        self.unknownColumns = unknownColumns
        self.encoding = encoding
    }
}

/// Facts about the run that are not scores: which files, which config, which tool.
public struct RunMetadata: Sendable {
    public var reportName: String
    public var inputs: [InputSummary]
    public var configSHA256: String
    public var toolVersion: String
    /// First and last submission date (`YYYY-MM-DD`) among accepted rows of the report waves.
    public var dataWindow: (first: String, last: String)?

    public init(reportName: String, inputs: [InputSummary], configSHA256: String, toolVersion: String,
                dataWindow: (first: String, last: String)?) {
        self.reportName = reportName
        self.inputs = inputs
        self.configSHA256 = configSHA256
        self.toolVersion = toolVersion
        self.dataWindow = dataWindow
    }

    /// Rejected rows over all inputs by reason, every reason listed.
    public var rejectedByReason: [(reason: RejectReason, count: Int)] {
        RejectReason.allCases.map { reason in (reason, inputs.reduce(0) { $0 + ($1.rejectedByReason[reason] ?? 0) }) }
    }
}

/// The version written into every report.
public enum ToolVersion {
    public static let current = "survey-pipeline 0.1.0"
}
