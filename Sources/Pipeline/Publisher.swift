import Export
import Foundation
import Score
import SurveyModel

/// Writes the three outputs into the output folder under its lock, each atomically.
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
        let base = (folder as NSString).appendingPathComponent(metadata.reportName)
        let rowsRead = metadata.inputs.reduce(0) { $0 + $1.rowsRead }
        let rejected = metadata.inputs.reduce(0) { $0 + $1.rejected }
        let outcome = RunOutcome(jsonPath: base + ".json", rejectsPath: base + ".rejects.csv", workbookPath: nil,
                                 rowsRead: rowsRead, rejected: rejected)
        try AtomicFile.write(Data(RejectsCSV.render(rejects, files: files).utf8), to: outcome.rejectsPath)
        try AtomicFile.write(Data(ResultsJSON.document(report: report, metadata: metadata).rendered().utf8),
                             to: outcome.jsonPath)
        let share = rowsRead == 0 ? 0 : Double(rejected) / Double(rowsRead)
        guard share <= config.maxRejectFraction else {
            log.log(.error, "quality gate failed: workbook not published",
                    [("rejected", String(rejected)), ("rows_read", String(rowsRead))])
            return outcome
        }
        let workbook = base + ".xlsx"
        let temporary = AtomicFile.temporaryPath(for: workbook)
        do {
            try WorkbookWriter.write(report: report, metadata: metadata, config: config, to: temporary)
            try AtomicFile.flush(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        try AtomicFile.publish(temporary, as: workbook)
        var published = outcome
        published.workbookPath = workbook
        log.log(.info, "published \(workbook)")
        return published
    }
}
