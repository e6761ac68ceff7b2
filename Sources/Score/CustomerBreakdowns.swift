import SurveyModel

/// NPS by segment and by channel for the report wave, all areas together,
/// with the same primary and secondary suppression as the areas (SPEC §9).
enum CustomerBreakdowns {
    static let notGiven = "(not given)"

    static func build(_ table: ResponseTable, wave: Int32, config: PipelineConfig) -> [BreakdownNPS] {
        let form = config.instrument.customer
        let recommend = form.items.count - 1
        return form.breakdowns.indices.map { column in
            let pool = table.breakdownPools[column].values
            var counts = [[Int64]](repeating: [Int64](repeating: 0, count: AggregateLayout.codes), count: pool.count)
            var total = [Int64](repeating: 0, count: AggregateLayout.codes)
            for row in 0..<table.count where table.wave[row] == wave {
                let code = Int(table.answers[row * table.itemCount + recommend])
                counts[Int(table.breakdowns[column][row])][code] += 1
                total[code] += 1
            }
            let names = pool.map { $0.isEmpty ? notGiven : $0 }
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
