import Foundation

/// Every name the tool makes in an output folder (SPEC §8, docs/PUBLISHING.md). Each one
/// starts with `.survey-pipeline-`, and those a run leaves behind when it is killed also
/// carry a run id of exactly 16 lowercase hex digits, so cleanup can tell the tool's names
/// from a user's (`.tmp-notes.txt`, `.survey-pipeline-notes`) by their shape alone:
///
/// - `.survey-pipeline-run-<id>/`: one run's complete set of files (a run folder);
/// - `.survey-pipeline-current-<slot>`: a symlink to the run folder whose set is published
///   for a slot (the report name, or `<report>.failed` for a quality-gate failure);
/// - `.survey-pipeline-tmp-<id>-<name>`: a temporary name while a run publishes;
/// - `.survey-pipeline.lock`: the folder's lock (`FolderLock`).
///
/// The stable paths readers use, `<report>.xlsx` and so on, are symlinks to
/// `.survey-pipeline-current-<slot>/<same name>`.
public enum OutputNames {
    public static let prefix = ".survey-pipeline-"
    static let runPrefix = prefix + "run-"
    static let currentPrefix = prefix + "current-"
    static let temporaryPrefix = prefix + "tmp-"

    /// A new run id: 16 random lowercase hex digits, for a run's temporary names and run folder
    /// (and for a folder that adopts an older release's files).
    public static func newID() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func isID(_ text: Substring) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    public static func runFolder(_ id: String) -> String { runPrefix + id }

    public static func current(_ slot: String) -> String { currentPrefix + slot }

    /// A temporary name of run `id`; `what` says what it will become.
    public static func temporary(_ what: String, id: String) -> String { temporaryPrefix + id + "-" + what }

    /// What the stable path `name` of `slot` links to.
    static func linkTarget(slot: String, name: String) -> String { current(slot) + "/" + name }

    /// A run folder's id, when `name` is the name of a run folder.
    static func runFolderID(_ name: String) -> Substring? {
        guard name.hasPrefix(runPrefix) else { return nil }
        let id = name.dropFirst(runPrefix.count)
        return isID(id) ? id : nil
    }

    /// Whether `name` is a temporary name some run of the tool made.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix) else { return false }
        let rest = name.dropFirst(temporaryPrefix.count)
        guard rest.utf8.count > 17, rest.dropFirst(16).first == "-" else { return false }
        return isID(rest.prefix(16))
    }

    /// The slot of a current link, when `name` is one.
    static func currentSlot(_ name: String) -> String? {
        guard name.hasPrefix(currentPrefix), name.count > currentPrefix.count else { return nil }
        return String(name.dropFirst(currentPrefix.count))
    }
}
