/// Variable-length byte strings stored end to end (ids, comments): two
/// allocations for a million strings instead of a million.
public struct TextColumn: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var ends: [Int] = []

    public init() {}

    /// A column from its parts (a chunk read back from a spill file).
    public init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    public mutating func append<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    /// Appends borrowed bytes (the ingest hot path: no generic dispatch across modules).
    public mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    public mutating func append(contentsOf other: TextColumn) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { $0 + base })
    }

    public func range(_ row: Int) -> Range<Int> { (row == 0 ? 0 : ends[row - 1])..<ends[row] }

    public subscript(row: Int) -> ArraySlice<UInt8> { bytes[range(row)] }

    public func string(_ row: Int) -> String { String(decoding: self[row], as: UTF8.self) }
}

/// Interns repeated short texts (segment, channel, role) as small codes.
public struct StringPool: Sendable {
    public private(set) var values: [String] = []
    private var codes: [String: UInt32] = [:]

    public init() {}

    /// Codes fit in 32 bits: a pool serves one file's rows, and a file has at most
    /// `UInt32.max` lines (checked by ingest), so fewer distinct values.
    public mutating func intern(_ value: String) -> UInt32 {
        if let code = codes[value] { return code }
        let code = UInt32(values.count)
        values.append(value)
        codes[value] = code
        return code
    }
}

/// Accepted rows of one survey kind, column-wise and compact: answers are one
/// byte each (0 = missing; 1–5; 0–10 stored as 1–11), areas and waves small integers.
/// A new column is a stored property here and one entry in `ResponseTable.columns`.
public struct ResponseTable: Sendable {
    public let kind: SurveyKind
    /// Answers per row (the form's items, in form order).
    public let itemCount: Int
    /// Row-major, `itemCount` codes per row.
    public var answers: [UInt8] = []
    /// Index into the configured areas.
    public var area: [UInt16] = []
    /// `WavePeriod.key` of the submission date.
    public var wave: [Int32] = []
    /// Seconds since 1970 in UTC (a time without offset is read as UTC).
    public var submitted: [Int64] = []
    /// Input file index, physical line and byte offset where the record starts.
    public var file: [UInt16] = []
    public var line: [UInt32] = []
    public var offset: [Int64] = []
    public var ids = TextColumn()
    public var comments = TextColumn()
    /// One code column per form breakdown (`role`; `segment`, `channel`); codes index `breakdownPools`.
    public var breakdowns: [[UInt32]]
    public var breakdownPools: [StringPool]

    public init(kind: SurveyKind, itemCount: Int, breakdownCount: Int) {
        self.kind = kind
        self.itemCount = itemCount
        self.breakdowns = Array(repeating: [], count: breakdownCount)
        self.breakdownPools = Array(repeating: StringPool(), count: breakdownCount)
    }

    public var count: Int { area.count }

    /// The answer codes of one row.
    public func answers(row: Int) -> ArraySlice<UInt8> { answers[(row * itemCount)..<((row + 1) * itemCount)] }

    /// Appends every row of `other` (same kind), re-coding its breakdowns into this table's pools.
    public mutating func append(contentsOf other: ResponseTable) {
        precondition(other.kind == kind && other.itemCount == itemCount)
        for column in Self.columns { column.append(&self, other) }
    }
}

extension ResponseTable {
    /// A table of the same shape without rows (lets a caller drop a large table early).
    public var emptyCopy: ResponseTable {
        ResponseTable(kind: kind, itemCount: itemCount, breakdownCount: breakdowns.count)
    }

    /// Drops every row, keeps the breakdown pools and the columns' capacity (a chunk buffer reused).
    public mutating func removeAllRows() {
        for column in Self.columns { column.removeAll(&self) }
    }

    /// The rows in `range`, in order, with the same breakdown pools.
    public func slice(_ range: Range<Int>) -> ResponseTable {
        var keep = [Bool](repeating: false, count: count)
        for row in range { keep[row] = true }
        return filtered(keep: keep)
    }

    /// The rows where `keep` is true, in order.
    public func filtered(keep: [Bool]) -> ResponseTable {
        precondition(keep.count == count)
        var result = emptyCopy
        result.breakdownPools = breakdownPools
        let kept = keep.lazy.filter { $0 }.count
        for column in Self.columns { column.keep(&result, self, keep, kept) }
        return result
    }
}
