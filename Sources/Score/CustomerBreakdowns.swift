import RowStorage
import SurveyModel

/// NPS by segment and by channel for the report wave, all areas together,
/// with the same primary and secondary suppression as the areas (SPEC §9).
enum CustomerBreakdowns {
    static let notGiven = "(not given)"

    /// - Parameters:
    ///   - parts: the customer row stores (their breakdown pools).
    ///   - outputs: the chunks' counts, each with the part whose pool its codes index.
    static func build(parts: [RowStore], outputs: [(part: Int, output: ChunkOutput)],
                      config: PipelineConfig) -> [BreakdownNPS] {
        let form = config.instrument.customer
        let codes = AggregateLayout.codes
        return form.breakdowns.indices.map { column in
            // Every value of every file's pool, as the files' own codes map to it.
            var pool = StringPool()
            let recode = parts.map { $0.breakdownPools[column].values.map { pool.intern($0) } }
            var counts = [[Int64]](repeating: [Int64](repeating: 0, count: codes), count: pool.values.count)
            var total = [Int64](repeating: 0, count: codes)
            for (part, output) in outputs where column < output.breakdownCounts.count {
                let local = output.breakdownCounts[column]
                for (index, count) in local.enumerated() where count != 0 {
                    counts[Int(recode[part][index / codes])][index % codes] += count
                    total[index % codes] += count
                }
            }
            let names = pool.values.map { $0.isEmpty ? notGiven : $0 }
            let order = names.indices.sorted { names[$0] < names[$1] }
            var results = order.map { GroupFigures.nps(counts[$0]) }
            let hidden = Suppression.hidden(ns: results.map(\.n), names: order.map { names[$0] },
                                            totalN: GroupFigures.nps(total).n, minimum: config.privacy.minGroupSize)
            for index in results.indices where hidden[index] { Suppression.apply(&results[index]) }
            return BreakdownNPS(column: form.breakdowns[column],
                                rows: zip(order, results).map { (value: names[$0], nps: $1) })
        }
    }
}
