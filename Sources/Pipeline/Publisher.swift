import Export
import Foundation
import Score
import SurveyModel

/// Writes the three outputs into the output folder under its lock: each to a temporary
/// name first, then all renamed into place together once every one is complete.
/// Above the quality gate the rejects and JSON are published and the workbook is not.
struct Publisher {
    let config: PipelineConfig
    let metadata: RunMetadata
    let wait: Double

    func publish(report: ScoreReport, rejects: [Reject], files: [String], log: RunLog) throws(PipelineError) -> RunOutcome {
        let folder = config.outputFolder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .other("cannot create output folder \(folder): \(error.localizedDescription)")
        }
        let lock = try FolderLock(folder: folder, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        AtomicFile.removeLeftovers(in: folder)
        let base = (folder as NSString).appendingPathComponent(metadata.reportName)
        let (rowsRead, rejected) = metadata.gateCounts
        let outcome = RunOutcome(jsonPath: base + ".json", rejectsPath: base + ".rejects.csv", workbookPath: nil,
                                 rowsRead: rowsRead, rejected: rejected)
        // Every output is written and flushed under its temporary name first; the renames come
        // last, so a failure or a kill before them leaves the whole previous report as it was.
        var staged: [(temporary: String, final: String)] = []
        defer { for file in staged { unlink(file.temporary) } }
        staged.append((try AtomicFile.stage(Data(RejectsCSV.render(rejects, files: files).utf8),
                                            for: outcome.rejectsPath), outcome.rejectsPath))
        staged.append((try AtomicFile.stage(Data(ResultsJSON.document(report: report, metadata: metadata)
                                                    .rendered().utf8), for: outcome.jsonPath), outcome.jsonPath))
        let share = rowsRead == 0 ? 0 : Double(rejected) / Double(rowsRead)
        let gateHolds = share <= config.maxRejectFraction
        let workbook = base + ".xlsx"
        if gateHolds {
            let temporary = AtomicFile.temporaryPath(for: workbook)
            staged.append((temporary, workbook))
            try WorkbookWriter.write(report: report, metadata: metadata, config: config, to: temporary)
            try AtomicFile.flush(temporary)
        }
        for file in staged { try AtomicFile.publish(file.temporary, as: file.final) }
        staged.removeAll()
        guard gateHolds else {
            log.log(.error, "quality gate failed: workbook not published",
                    [("rejected", String(rejected)), ("rows_read", String(rowsRead))])
            return outcome
        }
        var published = outcome
        published.workbookPath = workbook
        log.log(.info, "published \(workbook)")
        return published
    }
}
