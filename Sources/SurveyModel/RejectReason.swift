/// Why an input row was not accepted (SPEC §7). The declaration order is the
/// precedence order: a row with several problems gets the first that applies.
public enum RejectReason: String, Sendable, Hashable, CaseIterable, Comparable {
    case fieldCount = "field_count"
    /// A field longer than `inputs.max_field_bytes`; the rejects file holds its first bytes.
    case fieldTooLong = "field_too_long"
    case encoding
    /// A platform's preview, test, spam or unfinished row (SPEC §3.6).
    case notAResponse = "not_a_response"
    case missingID = "missing_id"
    case badDate = "bad_date"
    case unknownArea = "unknown_area"
    case invalidValue = "invalid_value"
    case duplicate

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One rejected input row, with enough context to find and fix it.
public struct Reject: Sendable, Hashable {
    /// Index of the input file in run order.
    public var fileIndex: Int
    /// Physical line (1-based, header is line 1) where the record starts.
    public var line: Int
    public var reason: RejectReason
    /// The column that caused the reject, when one did.
    public var column: String?
    /// The record's fields as read (after CSV unquoting).
    public var rawFields: [String]

    public init(fileIndex: Int, line: Int, reason: RejectReason, column: String?, rawFields: [String]) {
        self.fileIndex = fileIndex
        self.line = line
        self.reason = reason
        self.column = column
        self.rawFields = rawFields
    }
}
