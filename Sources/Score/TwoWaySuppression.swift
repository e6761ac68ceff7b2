/// Which cells of one breakdown figure's table to hide (SPEC §5.3): primary suppression, then
/// the iterative secondary pass over the table's lines, so that no hidden cell can be recovered
/// by subtraction from its row or its column.
///
/// The table has a row per configured area and a last row for All areas; a row's total is the
/// area's own figure (`rowTotalHidden`, as `areas` shows it); a column's total is the All areas
/// row's cell of that value. A line's members are its cells with n > 0 and its total. Rows are
/// visited in area order, then the columns in value order, each on the current state: when
/// exactly one member is hidden, the line's shown cell with the smallest n is hidden too (ties:
/// the value, then the area, first in code-point order). Passes repeat until one changes
/// nothing; the row totals are never changed.
public enum TwoWaySuppression {
    /// - Parameters:
    ///   - ns: `ns[area][value]`, the configured areas then All areas; n = 0 is no figure.
    ///   - rowTotalHidden: per row of `ns`, whether its total is hidden.
    ///   - areas: the row names; `values` the column names (ties).
    /// - Returns: `hidden[area][value]`.
    public static func hidden(ns: [[Int]], rowTotalHidden: [Bool], areas: [String], values: [String],
                              minimum: Int) -> [[Bool]] {
        var hidden = ns.map { row in row.map { $0 > 0 && $0 < minimum } }
        guard let totalRow = ns.indices.last else { return hidden }
        var changed = true
        while changed {
            changed = false
            for area in ns.indices {
                if secure(values.indices.map { (area, $0) }, totalHidden: rowTotalHidden[area], ns: ns,
                          hidden: &hidden, areas: areas, values: values) {
                    changed = true
                }
            }
            for value in values.indices {
                let cells = (0..<totalRow).map { ($0, value) }
                if secure(cells, totalHidden: hidden[totalRow][value], ns: ns, hidden: &hidden, areas: areas,
                          values: values) {
                    changed = true
                }
            }
        }
        return hidden
    }

    /// Hides the smallest shown cell of one line when exactly one member is hidden; true if it did.
    private static func secure(_ cells: [(area: Int, value: Int)], totalHidden: Bool, ns: [[Int]],
                               hidden: inout [[Bool]], areas: [String], values: [String]) -> Bool {
        let members = cells.filter { ns[$0.area][$0.value] > 0 }
        let hiddenCount = members.filter { hidden[$0.area][$0.value] }.count + (totalHidden ? 1 : 0)
        guard hiddenCount == 1 else { return false }
        let shown = members.filter { !hidden[$0.area][$0.value] }
        guard let next = shown.min(by: { a, b in
            let (na, nb) = (ns[a.area][a.value], ns[b.area][b.value])
            if na != nb { return na < nb }
            if a.value != b.value { return CodePoint.less(values[a.value], values[b.value]) }
            return CodePoint.less(areas[a.area], areas[b.area])
        }) else { return false }
        hidden[next.area][next.value] = true
        return true
    }
}

/// Text order by Unicode code points (SPEC §5.3), not by Swift's `String` comparison.
public enum CodePoint {
    public static func less(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
