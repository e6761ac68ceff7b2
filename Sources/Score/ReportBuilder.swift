import SurveyModel

/// Scores the normalized surveys into the report (SPEC §5, §5.1, §9): picks the
/// report wave, runs the parallel core, then derives trends, evaporation,
/// psychometrics, customer breakdowns and comments.
public enum ReportBuilder {
    /// - Parameters:
    ///   - wave: the report wave label (`2026-Q3`), or nil for the latest wave in the data.
    ///   - jobs: worker threads of the scoring core.
    /// - Throws: `PipelineError.usage` when `wave` is not in the data; `.input` when nothing was accepted.
    public static func build(employee: ResponseTable, customer: ResponseTable, config: PipelineConfig,
                             wave: String?, jobs: Int) throws(PipelineError) -> ScoreReport {
        let period = config.wavePeriod
        let present = distinctWaves(employee.wave, customer.wave)
        let labels = present.map { WaveLabel.label(key: $0, period: period) }
        guard !present.isEmpty else {
            throw .input(file: "(all inputs)", line: nil, message: "no row was accepted, so there is nothing to score")
        }
        var reportIndex = present.count - 1
        if let wave {
            guard let index = labels.firstIndex(of: wave) else {
                throw .usage("wave \(wave) is not in the data (waves present: \(labels.joined(separator: ", ")))")
            }
            reportIndex = index
        }
        let waves = Array(present[...reportIndex])
        let areaCount = config.areas.count
        func job(_ table: ResponseTable) -> ChunkJob {
            let layout = AggregateLayout(instrument: config.instrument, kind: table.kind,
                                         minAnsweredFraction: config.scoring.minAnsweredFraction)
            return ChunkJob(table, layout: layout, waves: waves, areaCount: areaCount)
        }
        let reportKey = present[reportIndex]
        let employees = job(employee), customers = job(customer)
        let passes = SidePasses()
        // One parallel region: the two long single passes first, then every chunk of both surveys.
        TaskPool.run(jobs: jobs, tasks: 2 + employees.chunkCount + customers.chunkCount) { task in
            switch task {
            case 0: passes.comments = Comments.build(employee: employee, customer: customer, wave: reportKey,
                                                     config: config)
            case 1: passes.breakdowns = CustomerBreakdowns.build(customer, wave: reportKey, config: config)
            case let chunk where chunk - 2 < employees.chunkCount: employees.run(chunk: chunk - 2)
            default: customers.run(chunk: task - 2 - employees.chunkCount)
            }
        }
        let scorer = WaveScorer(config: config, employee: employees.totals(), customer: customers.totals())
        let perWave = waves.indices.map { scorer.score(wave: $0) }
        let waveLabels = Array(labels[...reportIndex])
        let current = perWave[perWave.count - 1]
        let breakdowns = passes.breakdowns ?? [], comments = passes.comments ?? []
        return ScoreReport(
            wave: waveLabels[waveLabels.count - 1], waves: waveLabels, areas: current,
            psychometrics: psychometrics(scorer.employee, scorer.customer, wave: waves.count - 1, areas: current,
                                         config: config),
            trends: Trends.points(perWave, labels: waveLabels),
            evaporation: Trends.evaporation(perWave, labels: waveLabels, drop: config.scoring.evaporationDrop),
            customerBreakdowns: breakdowns, comments: comments)
    }

    /// The wave keys present, sorted. There are few of them, so a scan that remembers the
    /// last key beats hashing two million values into a Set.
    static func distinctWaves(_ columns: [Int32]...) -> [Int32] {
        var seen: [Int32] = []
        for column in columns {
            var last: Int32?
            for key in column where key != last {
                last = key
                if !seen.contains(key) { seen.append(key) }
            }
        }
        return seen.sorted()
    }

    /// Corrected item-total correlation and alpha-if-dropped for All areas' constructs of k ≥ 3 items.
    static func psychometrics(_ employee: GroupTotals, _ customer: GroupTotals, wave: Int, areas: [AreaResult],
                              config: PipelineConfig) -> [(construct: String, items: [PsychometricItem])] {
        let total = areas.last
        var result: [(construct: String, items: [PsychometricItem])] = []
        for construct in config.instrument.constructs where construct.items.count >= 3 {
            let totals = construct.survey == .employee ? employee : customer
            guard let slot = totals.layout.constructs.first(where: { $0.name == construct.name }) else { continue }
            let matrix = CovarianceMatrix(totals.allAreas(wave: wave), slot: slot)
            let hidden = total?.construct(construct.name)?.suppressed ?? true
            let items = construct.items.enumerated().map { index, key in
                let rest = (0..<slot.k).filter { $0 != index }
                return PsychometricItem(item: key, rDrop: hidden ? nil : matrix.correctedItemTotal(index),
                                        alphaIfDropped: hidden ? nil : matrix.alpha(rest))
            }
            result.append((construct.name, items))
        }
        return result
    }
}

/// Wave labels from wave keys.
public enum WaveLabel {
    public static func label(key: Int32, period: WavePeriod) -> String {
        let key = Int(key)
        switch period {
        case .quarter: return period.label(year: key / 10, month: (key % 10 - 1) * 3 + 1)
        case .month: return period.label(year: key / 100, month: key % 100)
        }
    }
}


/// The results of the comment and breakdown passes of the scoring region.
///
/// `@unchecked Sendable` is safe: each property is written by exactly one task of
/// `TaskPool.run` and read only after it has returned.
private final class SidePasses: @unchecked Sendable {
    var comments: [CommentGroup]?
    var breakdowns: [BreakdownNPS]?
}
