import Foundation
import SurveyModel

/// The figures of one group (an area or All areas in one wave) of one survey
/// kind, before suppression: SPEC §5 statistics straight from the totals.
struct GroupFigures {
    var rows: Int
    /// In layout construct order.
    var constructs: [ConstructResult]
    /// Form items except the 0–10 item.
    var items: [ItemResult]
    var recommend: NPSResult
    /// Every driver item, or nil when a rule of SPEC §5.1 (other than suppression) rules drivers out.
    var drivers: [Driver]?
    /// Complete-case matrices per construct (for psychometrics).
    var matrices: [CovarianceMatrix]

    init(_ totals: ArraySlice<Int64>, layout: AggregateLayout, form: SurveyForm, minDriverN: Int) {
        let base = totals.startIndex
        rows = Int(totals[base + AggregateLayout.rowsOffset])
        constructs = layout.constructs.map { Self.construct(totals, slot: $0) }
        matrices = layout.constructs.map { CovarianceMatrix(totals, slot: $0) }
        let counts = { (item: Int) in
            Array(totals[(base + layout.itemOffset(item))..<(base + layout.itemOffset(item) + layout.codeStride)])
        }
        items = form.items.indices.filter { form.items[$0].key != form.recommendItem }.map {
            Self.distribution(counts($0), item: form.items[$0])
        }
        // The 0–10 item is the form's last; a form without one has no eNPS / NPS (null figures).
        recommend = Self.nps(form.recommendItem == nil ? Array(repeating: 0, count: layout.codeStride)
                                                       : counts(form.items.count - 1))
        drivers = layout.outcome.flatMap { _ in Self.drivers(totals, layout: layout, form: form, minN: minDriverN) }
    }

    static func construct(_ totals: ArraySlice<Int64>, slot: AggregateLayout.ConstructSlot) -> ConstructResult {
        let base = totals.startIndex + slot.offset
        let n = totals[base], sum = totals[base + 1], squares = totals[base + 2]
        var result = ConstructResult(n: Int(n), suppressed: false)
        guard n > 0 else { return result }
        let unit = slot.units.pointsPerUnit
        let mean = unit * Double(sum) / Double(n)
        result.mean = mean
        result.alpha = CovarianceMatrix(totals, slot: slot).alpha()
        guard n >= 2 else { return result }
        let spread = Double(Int128(n) * Int128(squares) - Int128(sum) * Int128(sum))
        let sd = unit * (max(spread, 0) / (Double(n) * Double(n - 1))).squareRoot()
        let half = StudentT.critical975(df: Int(n) - 1) * sd / Double(n).squareRoot()
        result.sd = sd
        result.ciLow = mean - half
        result.ciHigh = mean + half
        return result
    }

    /// % favorable, neutral and unfavorable over valid answers, by the item's scale ranges
    /// (a 1–5 item: 4–5, 3, 1–2); a reversed item swaps favorable and unfavorable. `counts`
    /// is indexed by stored code, value − min + 1.
    static func distribution(_ counts: [Int64], item: Item) -> ItemResult {
        let scale = item.scale
        let share = { (values: ClosedRange<Int>?) -> Int64 in
            guard let values else { return 0 }
            return counts[(values.lowerBound - scale.min + 1)...(values.upperBound - scale.min + 1)].reduce(0, +)
        }
        let n = counts[1...(scale.range + 1)].reduce(0, +)
        var result = ItemResult(n: Int(n), suppressed: false)
        guard n > 0 else { return result }
        let high = share(scale.favorable), low = share(scale.unfavorable)
        result.favorable = 100 * Double(item.reversed ? low : high) / Double(n)
        result.neutral = 100 * Double(n - high - low) / Double(n)
        result.unfavorable = 100 * Double(item.reversed ? high : low) / Double(n)
        return result
    }

    /// (e)NPS: % 9–10 minus % 0–6, with the 95% interval of SPEC §5.1. Codes are value + 1.
    static func nps(_ counts: [Int64]) -> NPSResult {
        let n = counts[1...11].reduce(0, +)
        var result = NPSResult(n: Int(n), suppressed: false)
        guard n > 0 else { return result }
        let promoters = Double(counts[10] + counts[11]) / Double(n)
        let detractors = Double(counts[1...7].reduce(0, +)) / Double(n)
        let score = 100 * (promoters - detractors)
        let spread = max(0, promoters + detractors - (promoters - detractors) * (promoters - detractors))
        let half = 1.96 * 100 * (spread / Double(n)).squareRoot()
        result.score = score
        result.promoters = 100 * promoters
        result.passives = 100 * Double(counts[8] + counts[9]) / Double(n)
        result.detractors = 100 * detractors
        result.ciLow = max(-100, score - half)
        result.ciHigh = min(100, score + half)
        return result
    }

    /// Impact (Pearson r with employee_life), mean and priority per driver item (SPEC §5.1);
    /// nil when an item has fewer than `minN` respondents or an item or the outcome has no variance.
    static func drivers(_ totals: ArraySlice<Int64>, layout: AggregateLayout, form: SurveyForm,
                        minN: Int) -> [Driver]? {
        var result: [Driver] = []
        for slot in layout.drivers {
            let base = totals.startIndex + slot.offset
            let n = Int128(totals[base]), sx = Int128(totals[base + 1]), sy = Int128(totals[base + 2])
            let sxx = Int128(totals[base + 3]), syy = Int128(totals[base + 4]), sxy = Int128(totals[base + 5])
            guard n >= minN else { return nil }
            let varianceX = n * sxx - sx * sx, varianceY = n * syy - sy * sy
            guard varianceX > 0, varianceY > 0 else { return nil }
            let impact = Double(n * sxy - sx * sy) / (Double(varianceX).squareRoot() * Double(varianceY).squareRoot())
            let mean = 100 / Double(slot.range) * Double(sx) / Double(n)
            result.append(Driver(item: form.items[slot.item].key, n: Int(n), impact: impact, mean: mean,
                                 priority: max(impact, 0) * (100 - mean)))
        }
        return result
    }
}
