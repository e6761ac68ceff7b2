import Export
import Foundation
import Jobs
import Score
import SurveyModel

/// Publishes a run's outputs under the output folder's lock, all or nothing (SPEC §8):
/// the workbook, the JSON, the rejects and the comments are one set, switched in by one rename
/// (`OutputFolder`, docs/PUBLISHING.md); with `output.per_area` the areas' workbooks join
/// the same set, written in parallel (each one independent).
/// Above the quality gate nothing is published: the JSON and rejects become the set
/// `<report>.failed.json` and `<report>.failed.rejects.csv` beside the previous report,
/// which the next successful run removes.
struct Publisher {
    let config: PipelineConfig
    let metadata: RunMetadata
    let wait: Double
    /// Threads for the per-area workbooks.
    let jobs: Int

    func publish(report: ScoreReport, rejects: [Reject], files: [String], log: RunLog) throws(PipelineError) -> RunOutcome {
        let steps = PublishSteps()
        defer {
            if let step = steps.unreachedFault {
                log.log(.warning, "SURVEY_PIPELINE_FAULT_STEP=\(step) was not reached",
                        [("publish_steps", String(steps.count))])
            }
        }
        let folder = OutputFolder(path: config.outputFolder, steps: steps, log: log)
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        } catch {
            throw .other("cannot create output folder \(MessageText.quoted(folder.path)): \(error.localizedDescription)")
        }
        let lock = try FolderLock(folder: folder.path, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        folder.removeLeftovers()
        let name = metadata.reportName
        let gate = QualityGate(metadata.inputs, limit: config.maxRejectFraction)
        let rowsRead = gate.read, rejected = gate.rejected
        let rejectsData = Data(RejectsCSV.render(rejects, files: files).utf8)
        let jsonData = Data(ResultsJSON.document(report: report, metadata: metadata).rendered().utf8)
        guard gate.holds else {
            let slot = name + ".failed"
            try folder.publish(slot: slot, files: [Self.data(jsonData, slot + ".json"),
                                                   Self.data(rejectsData, slot + ".rejects.csv")])
            folder.removeLeftovers()
            log.log(.error, "quality gate failed: nothing published, the previous report stands",
                    [("rejected", String(rejected)), ("rows_read", String(rowsRead)),
                     ("failed_json", folder.full(slot + ".json"))])
            return RunOutcome(jsonPath: folder.full(slot + ".json"), rejectsPath: folder.full(slot + ".rejects.csv"),
                              workbookPath: nil, rowsRead: rowsRead, rejected: rejected)
        }
        // The workbook (libxlsxwriter) and the comments file (a comment per third respondent) are
        // independent: one step writes them side by side, then flushes them in name order, so the
        // numbered steps stay the same whatever `--jobs` is (docs/PUBLISHING.md).
        let workbookAndComments = OutputFolder.File(names: [name + ".xlsx", name + ".comments.csv"]) {
            paths, steps throws(PipelineError) in
            try steps.external("write workbook and comments", paths[0]) { () throws(PipelineError) in
                try writeWorkbookAndComments(report: report, to: (paths[0], paths[1]))
            }
            for path in paths { try steps.sync(path) }
        }
        var files = [Self.data(rejectsData, name + ".rejects.csv"), Self.data(jsonData, name + ".json"),
                     workbookAndComments]
        let areaWorkbooks = config.output.perArea
            ? AreaWorkbooks.plan(report: report, instrument: config.instrument, reportName: name) : []
        if !areaWorkbooks.isEmpty {
            files.append(OutputFolder.File(names: areaWorkbooks.map(\.fileName)) { paths, steps throws(PipelineError) in
                try steps.external("write area workbooks", paths[0]) { () throws(PipelineError) in
                    try writeAll(areaWorkbooks, report: report, to: paths)
                }
                for path in paths { try steps.sync(path) }
            })
        }
        try folder.publish(slot: name, files: files)
        folder.withdraw(slot: name + ".failed")
        folder.removeLeftovers()
        log.log(.info, "published \(folder.full(name + ".xlsx"))", [("run_id", folder.runID)]
                + (areaWorkbooks.isEmpty ? [] : [("area_workbooks", String(areaWorkbooks.count))]))
        return RunOutcome(jsonPath: folder.full(name + ".json"), rejectsPath: folder.full(name + ".rejects.csv"),
                          workbookPath: folder.full(name + ".xlsx"), commentsPath: folder.full(name + ".comments.csv"),
                          areaWorkbookPaths: areaWorkbooks.map { folder.full($0.fileName) }, rowsRead: rowsRead,
                          rejected: rejected)
    }

    /// Writes the workbook and the comments file, at once when `jobs` allows; the workbook's failure
    /// comes first.
    private func writeWorkbookAndComments(report: ScoreReport, to paths: (workbook: String, comments: String))
        throws(PipelineError) {
        let failures = ResultSlots<PipelineError>(count: 2)
        let metadata = metadata, config = config
        TaskPool.run(jobs: jobs, tasks: 2) { _, task in
            do throws(PipelineError) {
                if task == 0 {
                    try WorkbookWriter.write(report: report, metadata: metadata, config: config, to: paths.workbook)
                } else {
                    try CommentsCSV.write(report, to: paths.comments)
                }
            } catch {
                failures.set(task, error)
            }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes every area's workbook, up to `jobs` at once; the first failure in area order is thrown.
    private func writeAll(_ workbooks: [AreaWorkbook], report: ScoreReport, to paths: [String]) throws(PipelineError) {
        let failures = ResultSlots<PipelineError>(count: workbooks.count)
        let metadata = metadata, config = config
        TaskPool.run(jobs: jobs, tasks: workbooks.count) { _, task in
            do throws(PipelineError) {
                try AreaWorkbooks.write(workbooks[task], report: report, metadata: metadata, config: config,
                                        to: paths[task])
            } catch {
                failures.set(task, error)
            }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
    }

    private static func data(_ data: Data, _ name: String) -> OutputFolder.File {
        OutputFolder.File(name: name) { path, steps throws(PipelineError) in try steps.writeFile(data, to: path) }
    }
}
