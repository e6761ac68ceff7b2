import RowStorage
import SurveyModel

/// Where the scoring core counts one survey's breakdowns (SPEC §5.3): every file's pool codes
/// recoded to one value index per breakdown column (values compared like header names, empty
/// as `(not given)`), and one cell of integer totals per (column, value, area) of the report
/// wave: rows, then n and Σy per construct (in the `AggregateLayout`'s units), then the counts
/// of the 0–10 answer by code. Cells merge by plain addition, like the group totals.
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
    /// Cells of every column.
    var width: Int { (columnStarts.last ?? 0) * cellWidth }
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

    /// The offset of one cell in the totals.
    func cell(column: Int, value: Int, area: Int) -> Int {
        (columnStarts[column] + value * areaCount + area) * cellWidth
    }

    /// How a value is compared: like header names (SPEC §3), empty as `(not given)`.
    static func key(_ text: String) -> String { TextKey.fold(name(text)) }

    /// How a value is shown.
    static func name(_ text: String) -> String { text.isEmpty ? notGiven : text }
}

extension BreakdownPlan {
    /// A chunk's mark for a value it has not seen.
    static let unseen = UInt32.max

    /// Adds one report-wave row to the cell at `offset`: `scores` per construct (−1 for none),
    /// `answer` the 0–10 item's code.
    func add(scores: UnsafeBufferPointer<Int64>, answer: Int?, to cells: UnsafeMutableBufferPointer<Int64>,
             at offset: Int) {
        cells[offset] += 1
        for construct in 0..<constructCount where scores[construct] >= 0 {
            cells[offset + 1 + 2 * construct] += 1
            cells[offset + 2 + 2 * construct] += scores[construct]
        }
        if let answer { cells[offset + recommendOffset + answer] += 1 }
    }
}
