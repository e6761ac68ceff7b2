import Export
import Foundation
import Score
import SurveyModel

/// Publishes a run's outputs under the output folder's lock, all or nothing (SPEC §8):
/// the workbook, the JSON, the rejects and the comments are one set, switched in by one rename
/// (`OutputFolder`, docs/PUBLISHING.md); files a later stage adds join the same list.
/// Above the quality gate nothing is published: the JSON and rejects become the set
/// `<report>.failed.json` and `<report>.failed.rejects.csv` beside the previous report,
/// which the next successful run removes.
struct Publisher {
    let config: PipelineConfig
    let metadata: RunMetadata
    let wait: Double

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
        let workbook = OutputFolder.File(name: name + ".xlsx") { path, steps throws(PipelineError) in
            try steps.external("write workbook", path) { () throws(PipelineError) in
                try WorkbookWriter.write(report: report, metadata: metadata, config: config, to: path)
            }
            try steps.sync(path)
        }
        let comments = OutputFolder.File(name: name + ".comments.csv") { path, steps throws(PipelineError) in
            try steps.external("write comments", path) { () throws(PipelineError) in
                try CommentsCSV.write(report, to: path)
            }
            try steps.sync(path)
        }
        try folder.publish(slot: name, files: [Self.data(rejectsData, name + ".rejects.csv"),
                                               Self.data(jsonData, name + ".json"), workbook, comments])
        folder.withdraw(slot: name + ".failed")
        folder.removeLeftovers()
        log.log(.info, "published \(folder.full(name + ".xlsx"))", [("run_id", folder.runID)])
        return RunOutcome(jsonPath: folder.full(name + ".json"), rejectsPath: folder.full(name + ".rejects.csv"),
                          workbookPath: folder.full(name + ".xlsx"), rowsRead: rowsRead, rejected: rejected)
    }

    private static func data(_ data: Data, _ name: String) -> OutputFolder.File {
        OutputFolder.File(name: name) { path, steps throws(PipelineError) in try steps.writeFile(data, to: path) }
    }
}
