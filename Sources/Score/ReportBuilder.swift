import Jobs
import RowStorage
import SurveyModel

/// Scores the normalized surveys into the report (SPEC §5, §5.1, §9): picks the
/// report wave, runs the parallel core, then derives trends, evaporation,
/// changes, psychometrics, breakdowns and comments.
public enum ReportBuilder {
    /// - Parameters:
    ///   - wave: the report wave label (`2026-Q3`), or nil for the latest wave in the data.
    ///   - jobs: worker threads of the scoring core.
    /// - Throws: `PipelineError.usage` when `wave` is not in the data; `.input` when nothing was accepted;
    ///   `.other` when a spill file cannot be read back.
    public static func build(employee: SurveyRows, customer: SurveyRows, config: PipelineConfig,
                             wave: String?, jobs: Int) throws(PipelineError) -> ScoreReport {
        let period = config.wavePeriod
        let present = Array(Set(employee.waves + customer.waves)).sorted()
        let labels = present.map { WaveLabel.label(key: $0, period: period) }
        guard !present.isEmpty else {
            throw .nothingAccepted
        }
        var reportIndex = present.count - 1
        if let wave {
            guard let index = labels.firstIndex(of: wave) else {
                throw .usage("wave \(wave) is not in the data (waves present: \(labels.joined(separator: ", ")))")
            }
            reportIndex = index
        }
        let waves = Array(present[...reportIndex])
        let reportKey = present[reportIndex]
        let areaCount = config.areas.count
        let workers = TaskPool.workers(jobs: jobs, tasks: employee.parts.reduce(0) { $0 + $1.chunkCount }
                                       + customer.parts.reduce(0) { $0 + $1.chunkCount })
        let commentPass = CommentPass(themes: config.instrument.commentThemes,
                                      reportName: config.reportName(wave: labels[reportIndex]), areaCount: areaCount)
        func job(_ rows: SurveyRows) -> ChunkJob {
            let layout = AggregateLayout(instrument: config.instrument, kind: rows.kind,
                                         minAnsweredFraction: config.scoring.minAnsweredFraction,
                                         roles: config.scoring.roles)
            let plan = BreakdownPlan(parts: rows.parts, form: config.instrument.form(rows.kind), layout: layout,
                                     areaCount: areaCount)
            return ChunkJob(rows, layout: layout, waves: waves, areaCount: areaCount, reportWave: reportKey,
                            breakdowns: plan, commentPass: commentPass, workers: workers)
        }
        let employees = job(employee), customers = job(customer)
        for (rows, layout) in [(employee, employees.layout), (customer, customers.layout)]
        where rows.count > layout.exactRowLimit {
            throw .input(file: "(all inputs)", line: nil, message:
                "the \(rows.kind.rawValue) survey has \(rows.count) rows, more than the \(layout.exactRowLimit) "
                + "that its constructs' scales keep exact in 64-bit totals; score fewer rows per run (one run per wave)")
        }
        // One parallel region over every chunk of both surveys.
        TaskPool.run(jobs: workers, tasks: employees.chunkCount + customers.chunkCount) { worker, task in
            if task < employees.chunkCount {
                employees.run(chunk: task, worker: worker)
            } else {
                customers.run(chunk: task - employees.chunkCount, worker: worker)
            }
        }
        let employeeOutputs = try employees.outputs(), customerOutputs = try customers.outputs()
        let scorer = WaveScorer(config: config, employee: employees.totals(), customer: customers.totals())
        let perWave = waves.indices.map { scorer.score(wave: $0) }
        let waveLabels = Array(labels[...reportIndex])
        let current = Changes.apply(to: perWave[perWave.count - 1], perWave: perWave, labels: waveLabels)
        let last = waves.count - 1
        let (comments, themes) = Comments.build([
            Comments.Source(kind: .employee, outputs: employeeOutputs.map(\.output),
                            respondents: (0..<areaCount).map { scorer.employee.rows(wave: last, area: $0) }),
            Comments.Source(kind: .customer, outputs: customerOutputs.map(\.output),
                            respondents: (0..<areaCount).map { scorer.customer.rows(wave: last, area: $0) }),
        ], pass: commentPass, themes: config.instrument.commentThemes, config: config, jobs: jobs)
        let outputs = employeeOutputs.map(\.output) + customerOutputs.map(\.output)
        let first = outputs.map(\.first).min() ?? .max, latest = outputs.map(\.last).max() ?? .min
        return ScoreReport(
            wave: waveLabels[waveLabels.count - 1], waves: waveLabels, areas: current,
            psychometrics: psychometrics(scorer.employee, scorer.customer, wave: last, areas: current,
                                         config: config),
            trends: Trends.points(perWave, labels: waveLabels, roles: config.scoring.roles),
            evaporation: Changes.significance(
                Trends.evaporation(perWave, labels: waveLabels, drop: config.scoring.evaporationDrop,
                                   roles: config.scoring.roles),
                perWave: perWave, labels: waveLabels, roles: config.scoring.roles),
            breakdowns: Breakdowns.build(job: employees, outputs: employeeOutputs, config: config, current: current)
                + Breakdowns.build(job: customers, outputs: customerOutputs, config: config, current: current),
            comments: comments, themes: themes, submitted: first <= latest ? first...latest : nil)
    }

    /// Rows already in memory (tests and small inputs), no duplicates excluded.
    public static func build(employee: ResponseTable, customer: ResponseTable, config: PipelineConfig,
                             wave: String?, jobs: Int) throws(PipelineError) -> ScoreReport {
        try build(employee: SurveyRows(table: employee), customer: SurveyRows(table: customer), config: config,
                  wave: wave, jobs: jobs)
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
