import SurveyModel

/// Adds one respondent's answers to a group's partial aggregate (the hot loop
/// of the scoring core). `partial` is the group's slice of a chunk's totals.
///
/// It adds and multiplies without overflow checks (`&+`, `&*`), which lets the loops run
/// tight: no total can overflow, because `ReportBuilder` scores at most
/// `AggregateLayout.exactRowLimit` rows and no row adds more than `Int64.max` over that limit
/// to any total.
enum RowAccumulator {
    /// `units` is scratch space for at least the largest construct's k answers; `scores` gets each
    /// construct's score in units, −1 when the row has none (the breakdown cells add them).
    static func add(_ codes: UnsafeBufferPointer<UInt8>, to partial: UnsafeMutableBufferPointer<Int64>,
                    layout: AggregateLayout, units: UnsafeMutableBufferPointer<Int64>,
                    scores: UnsafeMutableBufferPointer<Int64>) {
        partial[AggregateLayout.rowsOffset] &+= 1
        for item in 0..<layout.itemCount {
            partial[layout.itemOffset(item) + Int(codes[item])] &+= 1
        }
        var outcomeScore: Int64 = -1
        let totals = partial.baseAddress!, u = units.baseAddress!
        for (index, slot) in layout.constructs.enumerated() {
            scores[index] = -1
            var sum: Int64 = 0, answered = 0
            let k = slot.k
            slot.items.withUnsafeBufferPointer { items in
                slot.unitBase.withUnsafeBufferPointer { bases in
                    slot.unitStep.withUnsafeBufferPointer { steps in
                        for position in 0..<k {
                            let code = codes[items[position]]
                            guard code != 0 else { continue }
                            let value = bases[position] &+ steps[position] &* Int64(code)
                            u[answered] = value
                            sum &+= value
                            answered &+= 1
                        }
                    }
                }
            }
            guard answered >= slot.minAnswered else { continue }
            let score = sum &* (slot.scale / Int64(answered))
            scores[index] = score
            let base = totals + slot.offset
            base[0] &+= 1
            base[1] &+= score
            base[2] &+= score &* score
            if index == layout.outcome { outcomeScore = score }
            guard answered == k else { continue }
            base[3] &+= 1
            let sums = base + 4, cross = base + 4 + k
            for i in 0..<k {
                let ui = u[i]
                sums[i] &+= ui
                let row = cross + i &* k
                for j in i..<k { row[j] &+= ui &* u[j] }
            }
        }
        guard outcomeScore >= 0 else { return }
        for driver in layout.drivers where codes[driver.item] != 0 {
            let x = driver.unitBase &+ driver.unitStep &* Int64(codes[driver.item])
            partial[driver.offset] &+= 1
            partial[driver.offset + 1] &+= x
            partial[driver.offset + 2] &+= outcomeScore
            partial[driver.offset + 3] &+= x &* x
            partial[driver.offset + 4] &+= outcomeScore &* outcomeScore
            partial[driver.offset + 5] &+= x &* outcomeScore
        }
    }
}
