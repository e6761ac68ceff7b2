import RowStorage
import SurveyModel

/// Where the scoring core counts one survey's breakdowns (SPEC §5.3): every file's pool codes
/// recoded to one value index per breakdown column (values compared like header names, empty
/// as `(not given)`), and the key of each (column, value, area) cell of the report wave. A
/// cell's integer totals (`BreakdownCells`) are rows, then n and Σy per construct (in the
/// `AggregateLayout`'s units), then the counts of the 0–10 answer by code.
struct BreakdownPlan: Sendable {
    static let notGiven = "(not given)"

    /// Per column, per part, pool code → value index.
    let recode: [[[Int32]]]
    /// Per column, how many distinct values its pools hold.
    let valueCounts: [Int]
    let areaCount: Int
    let constructCount: Int
    /// Form index of the 0–10 item, if the form has one.
    let recommendItem: Int?
    private let columnStarts: [Int]

    var cellWidth: Int { 1 + 2 * constructCount + AggregateLayout.codes }
    var recommendOffset: Int { 1 + 2 * constructCount }
    var columnCount: Int { valueCounts.count }

    init(parts: [RowStore], form: SurveyForm, layout: AggregateLayout, areaCount: Int) {
        var recode: [[[Int32]]] = [], counts: [Int] = [], starts = [0]
        for column in form.breakdowns.indices {
            var index: [String: Int32] = [:]
            recode.append(parts.map { part in
                guard column < part.breakdownPools.count else { return [] }
                return part.breakdownPools[column].values.map { text in
                    let key = Self.key(text)
                    if let known = index[key] { return known }
                    let next = Int32(index.count)
                    index[key] = next
                    return next
                }
            })
            counts.append(index.count)
            starts.append(starts[starts.count - 1] + index.count * areaCount)
        }
        self.recode = recode
        valueCounts = counts
        self.areaCount = areaCount
        constructCount = layout.constructs.count
        recommendItem = form.recommendItem == nil ? nil : form.items.count - 1
        columnStarts = starts
    }

    /// The key of one cell: distinct for every (column, value, area).
    func cell(column: Int, value: Int, area: Int) -> Int {
        columnStarts[column] + value * areaCount + area
    }

    /// How a value is compared: like header names (SPEC §3), empty as `(not given)`.
    static func key(_ text: String) -> String { TextKey.fold(name(text)) }

    /// How a value is shown.
    static func name(_ text: String) -> String { text.isEmpty ? notGiven : text }
}

/// One worker's (or the merged) breakdown cells: only the cells its rows reached, so memory
/// follows the rows, not values × areas (a free-text column can hold a value per row).
/// Totals are integers, so merging in any order gives the same cells.
struct BreakdownCells {
    /// Cell key → offset of its `cellWidth` totals.
    private var offsets: [Int: Int] = [:]
    private var totals: [Int64] = []

    /// Adds one report-wave row: `scores` per construct (−1 for none), `answer` the 0–10 item's code.
    mutating func add(_ key: Int, scores: UnsafeBufferPointer<Int64>, answer: Int?, plan: BreakdownPlan) {
        let base = offset(key, width: plan.cellWidth)
        totals[base] += 1
        for construct in 0..<plan.constructCount where scores[construct] >= 0 {
            totals[base + 1 + 2 * construct] += 1
            totals[base + 2 + 2 * construct] += scores[construct]
        }
        if let answer { totals[base + plan.recommendOffset + answer] += 1 }
    }

    mutating func merge(_ other: BreakdownCells, width: Int) {
        for (key, start) in other.offsets {
            let base = offset(key, width: width)
            for index in 0..<width { totals[base + index] += other.totals[start + index] }
        }
    }

    /// The totals of one cell, zeros when no row reached it.
    func cell(_ key: Int, width: Int) -> ArraySlice<Int64> {
        guard let start = offsets[key] else { return ArraySlice(repeating: 0, count: width) }
        return totals[start..<(start + width)]
    }

    private mutating func offset(_ key: Int, width: Int) -> Int {
        if let known = offsets[key] { return known }
        let start = totals.count
        totals.append(contentsOf: repeatElement(0, count: width))
        offsets[key] = start
        return start
    }
}
