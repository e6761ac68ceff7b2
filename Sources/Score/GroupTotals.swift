/// The totals of every (wave, area) group of one survey kind, ready for the statistics.
public struct GroupTotals: Sendable {
    public let layout: AggregateLayout
    /// Wave keys in order; rows of other waves were skipped.
    public let waves: [Int32]
    public let areaCount: Int
    /// `waves.count × areaCount` groups of `layout.width` totals each.
    public let totals: [Int64]

    public func group(wave: Int, area: Int) -> ArraySlice<Int64> {
        let start = (wave * areaCount + area) * layout.width
        return totals[start..<(start + layout.width)]
    }

    /// Respondents (rows) of one group.
    public func rows(wave: Int, area: Int) -> Int {
        Int(totals[(wave * areaCount + area) * layout.width + AggregateLayout.rowsOffset])
    }

    /// The whole organization in one wave: every area's totals added.
    public func allAreas(wave: Int) -> ArraySlice<Int64> {
        var sum = [Int64](repeating: 0, count: layout.width)
        for area in 0..<areaCount {
            for (index, value) in group(wave: wave, area: area).enumerated() { sum[index] += value }
        }
        return sum[...]
    }
}
