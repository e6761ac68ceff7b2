import SurveyModel

/// One construct's statistics for one group (SPEC §5). Values are nil when
/// they do not exist (n = 0, n < 2 for SD/CI, alpha's rules) or are suppressed.
public struct ConstructResult: Sendable, Equatable {
    public var n: Int
    public var mean: Double?
    public var sd: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var alpha: Double?
    public var suppressed: Bool

    /// The mean when it may be used (shown, n > 0).
    public var shownMean: Double? { suppressed ? nil : mean }
}

/// % favorable / neutral / unfavorable of one item over its valid answers.
public struct ItemResult: Sendable, Equatable {
    public var n: Int
    public var favorable: Double?
    public var neutral: Double?
    public var unfavorable: Double?
    public var suppressed: Bool
}

/// eNPS or NPS with its shares and 95% interval (SPEC §5, §5.1).
public struct NPSResult: Sendable, Equatable {
    public var n: Int
    public var score: Double?
    public var promoters: Double?
    public var passives: Double?
    public var detractors: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var suppressed: Bool
}

/// One item's pull on employee_life (SPEC §5.1).
public struct Driver: Sendable, Equatable {
    public var item: String
    public var n: Int
    public var impact: Double
    public var mean: Double
    public var priority: Double
}

/// Everything scored for one area (or "All areas") in the report wave.
public struct AreaResult: Sendable {
    public var area: String
    public var isTotal: Bool
    public var employeeN: Int
    public var customerN: Int
    public var headcount: Int?
    public var responseRate: Double?
    /// In instrument construct order.
    public var constructs: [(name: String, result: ConstructResult)]
    /// Employee items then customer items, the 0–10 items excluded.
    public var items: [(key: String, result: ItemResult)]
    public var enps: NPSResult
    public var nps: NPSResult
    public var lmi: Double?
    public var quadrant: String?
    public var readiness: Double?
    public var band: String?
    public var missingComponents: [String]
    public var differenceGap: Double?
    /// The three highest priorities, or nil when the group has no drivers.
    public var drivers: [Driver]?
    /// Every driver item ranked (for the Drivers sheet), nil like `drivers`.
    public var allDrivers: [Driver]?
    /// Against the wave before the report wave (SPEC §5.2): the constructs, then `enps` and `nps`.
    public var changes: [(key: String, change: Change?)] = []

    public func construct(_ name: String) -> ConstructResult? { constructs.first { $0.name == name }?.result }
}

/// One area's headline figures in one wave (the Trends sheet and JSON `trends`).
public struct TrendPoint: Sendable, Equatable {
    public var area: String
    public var wave: String
    public var readiness: Double?
    public var employeeLife: Double?
    public var customerLife: Double?
    public var lmi: Double?
}

/// A win that faded: the report wave is `drop` points below the peak of an earlier wave.
public struct Evaporation: Sendable, Equatable {
    public var area: String
    public var metric: String
    public var peakWave: String
    public var peak: Double
    public var latest: Double
    public var drop: Double
    /// Welch's test between the peak and the report wave (SPEC §5.2); nil for readiness.
    public var significant: Bool? = nil
    /// That test's two-sided p-value, nil like `significant` (the workbook shows it; the JSON does not).
    public var pValue: Double? = nil
}

/// Item-level reliability of one construct (All areas, report wave).
public struct PsychometricItem: Sendable, Equatable {
    public var item: String
    public var rDrop: Double?
    public var alphaIfDropped: Double?
}

/// Verbatim comments of one shown group (SPEC §9.1), in digest order (not in input order).
public struct CommentGroup: Sendable {
    public var area: String
    public var survey: SurveyKind
    public var comments: CommentTexts
    /// Per comment, its themes as bits in config order (0: `other`); empty when not matched.
    public var themes: [UInt64] = []
}

/// Comment texts in their sorted order, read as a `String` one at a time. They stay
/// where the scoring core collected them (a few buffers, one per chunk) and are
/// reached through one 8-byte place each, because a large survey has a comment per
/// respondent.
public struct CommentTexts: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let columns: [TextColumn]
    /// Column index in the high 32 bits, row in the low 32.
    private let places: [UInt64]

    init(columns: [TextColumn], places: [UInt64]) {
        self.columns = columns
        self.places = places
    }

    public init(_ texts: [String]) {
        var column = TextColumn()
        for text in texts { column.append(Array(text.utf8)) }
        self.init(columns: [column], places: texts.indices.map(UInt64.init))
    }

    public init(arrayLiteral texts: String...) { self.init(texts) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(position: Int) -> String {
        let place = places[position]
        return columns[Int(place >> 32)].string(Int(place & 0xFFFF_FFFF))
    }

    /// Comment `position`'s bytes as kept.
    func bytes(_ position: Int) -> ArraySlice<UInt8> {
        let place = places[position]
        return columns[Int(place >> 32)][Int(place & 0xFFFF_FFFF)]
    }

    /// Lends comment `position`'s bytes as kept, without making a `String` of them (the comments
    /// file copies a million of them). They are valid UTF-8: ingest rejects a row that is not
    /// (SPEC §7), transcodes other encodings and cuts a long field at a character boundary.
    public func withUTF8<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let place = places[position]
        let column = columns[Int(place >> 32)]
        return column.bytes[column.range(Int(place & 0xFFFF_FFFF))].withUnsafeBytes(body)
    }
}

/// The scored report: what the JSON and the workbook show, suppression applied.
public struct ScoreReport: Sendable {
    public var wave: String
    public var waves: [String]
    /// One per configured area, then "All areas".
    public var areas: [AreaResult]
    public var psychometrics: [(construct: String, items: [PsychometricItem])]
    public var trends: [TrendPoint]
    public var evaporation: [Evaporation]
    /// Area × value tables of the forms' breakdown columns (SPEC §5.3), employee then customer.
    public var breakdowns: [Breakdown] = []
    public var comments: [CommentGroup]
    /// Theme counts and examples (SPEC §9.1).
    public var themes = ThemeSummary()
    /// Earliest and latest `submitted_at` (seconds, UTC) of the rows scored, up to the report wave.
    public var submitted: ClosedRange<Int64>?
}
