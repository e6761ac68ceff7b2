import Ingest
import RowStorage
import SurveyModel

/// The ingest stage as the run sees it: a progress bar over the input bytes, the run's
/// spill file (`openSpill`), and the log lines; the reading itself is `InputSetReader`'s.
enum IngestStage {
    /// - Parameter pieceBytes: the size to cut files at; nil chooses about two pieces per job.
    static func run(_ files: [InputFile], config: PipelineConfig, jobs: Int, spill: SpillFile?,
                    pieceBytes: Int? = nil, log: RunLog) throws(PipelineError) -> [IngestedFile] {
        let progress = ProgressBar(label: "reading", total: files.reduce(0) { $0 + InputSetReader.fileSize($1.path) },
                                   log: log)
        defer { progress.finish() }
        return try InputSetReader.read(files, config: config, jobs: jobs, spill: spill,
                                       pieceBytes: pieceBytes, progress: progress.advance) { path, cuts in
            log.log(.info, "\(MessageText.quoted(path)): \(cuts) cuts fell inside quoted fields; those pieces were read again joined")
        }
    }

    /// The run's spill file; when the folder does not take one, a warning and nil: the rows
    /// then stay in memory, so the night's report still comes out (using more memory).
    static func openSpill(_ folder: String, log: RunLog) -> SpillFile? {
        do {
            return try SpillFile(folder: folder)
        } catch {
            let reason: String
            if case .other(let message) = error { reason = message } else { reason = error.description }
            log.log(.warning, "\(reason); keeping the rows in memory instead")
            return nil
        }
    }
}
