import SurveyModel

/// Adds one respondent's answers to a group's partial aggregate (the hot loop
/// of the scoring core). `partial` is the group's slice of a chunk's totals.
enum RowAccumulator {
    /// `units` is scratch space for at least the largest construct's k answers; `scores` gets each
    /// construct's score in units, −1 when the row has none (the breakdown cells add them).
    static func add(_ codes: UnsafeBufferPointer<UInt8>, to partial: UnsafeMutableBufferPointer<Int64>,
                    layout: AggregateLayout, units: UnsafeMutableBufferPointer<Int64>,
                    scores: UnsafeMutableBufferPointer<Int64>) {
        partial[AggregateLayout.rowsOffset] += 1
        for item in 0..<layout.itemCount {
            partial[layout.itemOffset(item) + Int(codes[item])] += 1
        }
        var outcomeScore: Int64 = -1
        for (index, slot) in layout.constructs.enumerated() {
            scores[index] = -1
            var sum: Int64 = 0, answered = 0
            for (position, item) in slot.items.enumerated() where codes[item] != 0 {
                let u = slot.unitBase[position] + slot.unitStep[position] * Int64(codes[item])
                units[position] = u
                sum += u
                answered += 1
            }
            guard answered >= slot.minAnswered else { continue }
            let score = sum * (slot.scale / Int64(answered))
            scores[index] = score
            partial[slot.offset] += 1
            partial[slot.offset + 1] += score
            partial[slot.offset + 2] += score * score
            if index == layout.outcome { outcomeScore = score }
            guard answered == slot.k else { continue }
            partial[slot.offset + 3] += 1
            for i in 0..<slot.k {
                let ui = units[i]
                partial[slot.sumsOffset + i] += ui
                for j in i..<slot.k {
                    partial[slot.crossOffset + i * slot.k + j] += ui * units[j]
                }
            }
        }
        guard outcomeScore >= 0 else { return }
        for driver in layout.drivers where codes[driver.item] != 0 {
            let x = driver.unitBase + driver.unitStep * Int64(codes[driver.item])
            partial[driver.offset] += 1
            partial[driver.offset + 1] += x
            partial[driver.offset + 2] += outcomeScore
            partial[driver.offset + 3] += x * x
            partial[driver.offset + 4] += outcomeScore * outcomeScore
            partial[driver.offset + 5] += x * outcomeScore
        }
    }
}
