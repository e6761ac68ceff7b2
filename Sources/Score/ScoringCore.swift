import Jobs
import RowStorage
import SurveyModel

/// The parallel scoring core (SPEC §6): rows are read back in fixed-size chunks
/// (`RowStore.chunkRows`), each chunk is one task of a dynamically scheduled
/// pool, and every total is an integer, so the result is the same for every
/// number of jobs, to the bit. `ReportBuilder` runs both surveys' chunks in one
/// pool; this entry point scores one survey alone.
public enum ScoringCore {
    public static var chunkRows: Int { RowStore.chunkRows }

    /// - Throws: `PipelineError.other` when a spill file cannot be read back.
    public static func aggregate(_ rows: SurveyRows, layout: AggregateLayout, waves: [Int32], areaCount: Int,
                                 jobs: Int) throws(PipelineError) -> GroupTotals {
        let workers = TaskPool.workers(jobs: jobs, tasks: rows.parts.reduce(0) { $0 + $1.chunkCount })
        let job = ChunkJob(rows, layout: layout, waves: waves, areaCount: areaCount, reportWave: nil,
                           breakdowns: nil, workers: workers)
        TaskPool.run(jobs: workers, tasks: job.chunkCount) { worker, chunk in job.run(chunk: chunk, worker: worker) }
        _ = try job.outputs()
        return job.totals()
    }

    /// Rows already in memory (tests).
    public static func aggregate(_ table: ResponseTable, layout: AggregateLayout, waves: [Int32], areaCount: Int,
                                 jobs: Int) throws(PipelineError) -> GroupTotals {
        try aggregate(SurveyRows(table: table), layout: layout, waves: waves, areaCount: areaCount, jobs: jobs)
    }
}
