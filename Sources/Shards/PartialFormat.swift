import SurveyModel

/// The constants of a shard's partial file (docs/SHARDS.md): what its first bytes say,
/// which layout version it is, and how long its trailing checksum is.
public enum PartialFormat {
    /// The file's first 8 bytes.
    public static let magic: [UInt8] = Array("SVPPART1".utf8)
    /// The layout version; a reader accepts only this one.
    public static let version: UInt32 = 1
    /// The trailing SHA-256 of every byte before it.
    public static let checksumBytes = 32
    /// The byte after the inputs table that opens each input's rows, and the one that opens the aggregates.
    static let rowsTag: UInt8 = 0x52, aggregatesTag: UInt8 = 0x41

    static func kindCode(_ kind: SurveyKind) -> UInt8 { kind == .employee ? 0 : 1 }
}

/// The facts one run needs of one input file of a shard, besides its rows: what the
/// JSON's `inputs` and the rejects file say of it, and how to read its records again.
public struct PartialInput: Sendable, Equatable {
    public var path: String
    public var kind: SurveyKind
    public var format: InputFormat
    public var headerRows: Int
    /// `SourceEncoding`'s raw value (`utf-8`, `windows-1252`, …).
    public var encoding: String
    public var delimiter: UInt8
    public var sha256: String
    /// Records after the header.
    public var rowsRead: Int
    public var unknownColumns: [String]
    /// Ingest's own rejects (never `duplicate`: the merge resolves those); `fileIndex` is ignored.
    public var rejects: [Reject]
    /// Accepted rows (before duplicate resolution).
    public var rowCount: Int

    public init(path: String, kind: SurveyKind, format: InputFormat, headerRows: Int, encoding: String,
                delimiter: UInt8, sha256: String, rowsRead: Int, unknownColumns: [String], rejects: [Reject],
                rowCount: Int) {
        self.path = path
        self.kind = kind
        self.format = format
        self.headerRows = headerRows
        self.encoding = encoding
        self.delimiter = delimiter
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.unknownColumns = unknownColumns
        self.rejects = rejects
        self.rowCount = rowCount
    }
}

/// One survey kind's partial aggregates over all of a shard's accepted rows: the scoring
/// core's exact integer totals per (wave, area) group (`GroupTotals`' layout).
public struct PartialAggregate: Sendable, Equatable {
    public var kind: SurveyKind
    /// Totals per group (`AggregateLayout.width`).
    public var width: Int
    public var areaCount: Int
    /// Wave keys, sorted: every wave among the kind's rows.
    public var waves: [Int32]
    /// `waves.count × areaCount × width` totals.
    public var totals: [Int64]

    public init(kind: SurveyKind, width: Int, areaCount: Int, waves: [Int32], totals: [Int64]) {
        self.kind = kind
        self.width = width
        self.areaCount = areaCount
        self.waves = waves
        self.totals = totals
    }
}

/// What a partial file says before its rows: who wrote it, over which config, and its inputs.
public struct PartialHeader: Sendable, Equatable {
    public var toolVersion: String
    /// SHA-256 (hex) of the config file's bytes, as the JSON's `config_sha256`.
    public var configSHA256: String
    public var inputs: [PartialInput]

    public init(toolVersion: String, configSHA256: String, inputs: [PartialInput]) {
        self.toolVersion = toolVersion
        self.configSHA256 = configSHA256
        self.inputs = inputs
    }
}

/// What a reader checks each chunk of rows against before the scoring core may see it,
/// so a damaged file is an error, never an index out of range: one survey kind's form.
public struct RowShape: Sendable {
    public var itemCount: Int
    /// Per item, the largest stored code (0 is missing).
    public var maxCodes: [UInt8]
    public var breakdownCount: Int
    public var areaCount: Int

    public init(itemCount: Int, maxCodes: [UInt8], breakdownCount: Int, areaCount: Int) {
        self.itemCount = itemCount
        self.maxCodes = maxCodes
        self.breakdownCount = breakdownCount
        self.areaCount = areaCount
    }
}
