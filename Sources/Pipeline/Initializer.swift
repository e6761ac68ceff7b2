import ConfigDraft
import Foundation
import SurveyModel

/// `init` (SPEC §8): drafts a pipeline.json from survey exports and writes it, refusing to
/// replace an existing file unless told to.
public enum Initializer {
    /// - Returns: what was guessed and what to check.
    /// - Throws: `PipelineError.usage` when `out` exists and `force` is false; `.input` for an unreadable file.
    public static func run(employees: String?, customers: String?, out: String,
                           force: Bool) throws(PipelineError) -> [String] {
        if FileManager.default.fileExists(atPath: out) && !force {
            throw .usage("\(MessageText.quoted(out)) exists; pass --force to replace it")
        }
        let draft = try ConfigDrafter.draft(employees: employees, customers: customers,
                                            configFolder: (out as NSString).deletingLastPathComponent)
        try AtomicFile.write(Data(draft.json.utf8), to: out)
        return ["wrote \(MessageText.quoted(out))"] + draft.notes
            + ["next: survey-pipeline validate --config \(out), then survey-pipeline run --config \(out)"]
    }
}
