import SurveyModel

/// One survey kind's accepted rows after duplicate resolution: the row stores
/// of its files in input order, and for each store the rows that lost to a
/// later copy (SPEC §4). The scoring core reads the stores chunk by chunk and
/// skips the excluded rows.
public struct SurveyRows: Sendable {
    public let kind: SurveyKind
    public let parts: [RowStore]
    /// Per part, the rows left out; nil when none are.
    public let excluded: [RowMask?]

    public init(kind: SurveyKind, parts: [RowStore], excluded: [RowMask?]) {
        precondition(parts.count == excluded.count)
        self.kind = kind
        self.parts = parts
        self.excluded = excluded
    }

    /// Rows already in memory, none excluded.
    public init(table: ResponseTable) {
        self.init(kind: table.kind, parts: [RowStore(table: table)], excluded: [nil])
    }

    /// The wave keys present, sorted (a losing copy shares its winner's wave, so exclusion changes none).
    public var waves: [Int32] { Array(Set(parts.flatMap(\.waves))).sorted() }

    /// Rows kept.
    public var count: Int {
        zip(parts, excluded).reduce(0) { $0 + $1.0.count - ($1.1?.count ?? 0) }
    }

    /// The kept rows in one table, in input order (tests and small inputs).
    public func keptRows() throws(PipelineError) -> ResponseTable {
        var result: ResponseTable?
        for (part, mask) in zip(parts, excluded) {
            let rows = try part.allRows()
            let kept = mask.map { mask in rows.filtered(keep: (0..<rows.count).map { !mask.contains($0) }) } ?? rows
            if result == nil { result = kept } else { result?.append(contentsOf: kept) }
        }
        return result ?? ResponseTable(kind: kind, itemCount: parts.first?.itemCount ?? 0, breakdownCount: 0)
    }
}
