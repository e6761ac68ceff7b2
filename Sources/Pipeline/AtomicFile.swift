import Foundation
import SurveyModel

/// Replaces one file atomically (for `generate`'s areas.json): written under a temporary
/// name of this run in the same folder (`OutputNames.temporary`), flushed to disk, then
/// renamed over the final name, so a reader sees the old file or the new one, never a part.
/// A report's set of files is published by `OutputFolder` instead.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(PipelineError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(OutputNames.temporary(url.lastPathComponent, id: OutputNames.newID())).path
        do {
            try PublishSteps(environment: [:]).writeFile(data, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .other("cannot write \(MessageText.quoted(path)): \(reason)")
        }
    }
}
