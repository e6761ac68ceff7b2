import Foundation
import SurveyModel

/// One output folder and the sets of files published in it (SPEC §8, docs/PUBLISHING.md).
/// A set is written whole into a new run folder, and one `rename(2)` of the slot's
/// `current` symlink switches every stable path of the set at once; nothing before that
/// rename changes what a reader sees. Use it only while holding the folder's `FolderLock`.
struct OutputFolder {
    /// Files of a set written by one step: their stable names, and how to write them at paths
    /// (in `names` order) that do not exist yet. Several names let one step write its files
    /// at once (the per-area workbooks, in parallel).
    struct File {
        var names: [String]
        var write: (_ paths: [String], _ steps: PublishSteps) throws(PipelineError) -> Void

        init(names: [String], write: @escaping (_ paths: [String], _ steps: PublishSteps) throws(PipelineError) -> Void) {
            self.names = names
            self.write = write
        }

        init(name: String, write: @escaping (_ path: String, _ steps: PublishSteps) throws(PipelineError) -> Void) {
            self.init(names: [name]) { paths, steps throws(PipelineError) in try write(paths[0], steps) }
        }
    }

    let path: String
    let steps: PublishSteps
    let log: RunLog
    /// This run's id, in its run folder's name and its temporary names.
    let runID = OutputNames.newID()

    func full(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Publishes `files` as the set of `slot`: the previous set of the slot stands until the
    /// switch, the new one from then on. A stable path held by something the tool did not make
    /// (a folder, someone's symlink) fails the run before anything changes.
    func publish(slot: String, files: [File]) throws(PipelineError) {
        let names = files.flatMap(\.names)
        let regulars = try checkStablePaths(slot: slot, names: names)
        let runFolder = OutputNames.runFolder(runID)
        try steps.mkdir(full(runFolder))
        do {
            for file in files { try file.write(file.names.map { full(runFolder + "/" + $0) }, steps) }
            try steps.sync(full(runFolder))
            if !regulars.isEmpty { try adopt(slot: slot, regulars: regulars) }
            for name in names where !exists(name) {
                try steps.symlink(OutputNames.linkTarget(slot: slot, name: name), at: full(name))
            }
            try steps.sync(path)
            try steps.symlink(runFolder, at: full(OutputNames.temporary("current", id: runID)))
        } catch {
            removeUnpublished(runFolder)
            throw error
        }
        do {
            try steps.rename(full(OutputNames.temporary("current", id: runID)), to: full(OutputNames.current(slot)))
        } catch {
            removeUnpublished(runFolder)
            throw error
        }
        // The new set is published: what follows only tidies up, and a failure there is a warning.
        warnOnFailure { () throws(PipelineError) in try steps.sync(path) }
    }

    /// Unpublishes the set of `slot` at once by removing its current link: every stable link
    /// of the set then points to nothing, and `removeLeftovers` removes them and the run folder.
    func withdraw(slot: String) {
        let current = OutputNames.current(slot)
        if readLink(current) != nil { warnOnFailure { () throws(PipelineError) in try steps.unlink(full(current)) } }
    }

    /// Removes what the tool made and no set needs any more: temporary names of any run, run
    /// folders no current link points to, and stable links that point to nothing. Names of
    /// any other shape are never touched.
    func removeLeftovers() {
        let entries = names()
        let referenced = Set(entries.compactMap { OutputNames.currentSlot($0) != nil ? readLink($0) : nil })
        for name in entries {
            if OutputNames.isTemporary(name), !isFolder(name) {
                warnOnFailure { () throws(PipelineError) in try steps.unlink(full(name)) }
            } else if OutputNames.runFolderID(name) != nil, !referenced.contains(name), isFolder(name) {
                warnOnFailure { () throws(PipelineError) in try removeRunFolder(name) }
            } else if let target = readLink(name), isStableLinkTarget(target, of: name), !exists(name, following: true) {
                warnOnFailure { () throws(PipelineError) in try steps.unlink(full(name)) }
            }
        }
    }

    /// The names among `names` that hold a regular file (an older release's output, to adopt).
    /// - Throws: `.other` when a stable path holds something else the tool did not make.
    private func checkStablePaths(slot: String, names: [String]) throws(PipelineError) -> [String] {
        var regulars: [String] = []
        for name in names {
            var info = stat()
            guard lstat(full(name), &info) == 0 else {
                if errno == ENOENT { continue }
                throw .other("cannot inspect \(MessageText.quoted(full(name))): \(String(cString: strerror(errno)))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: regulars.append(name)
            case S_IFLNK where readLink(name) == OutputNames.linkTarget(slot: slot, name: name): continue
            case S_IFLNK:
                throw .other("cannot publish \(MessageText.quoted(full(name))): it is a symbolic link the tool did "
                             + "not make; move it away and run again (the previous report stands)")
            case S_IFDIR:
                throw .other("cannot publish \(MessageText.quoted(full(name))): it is a folder; move it away and "
                             + "run again (the previous report stands)")
            default:
                throw .other("cannot publish \(MessageText.quoted(full(name))): it is not a regular file; move it "
                             + "away and run again (the previous report stands)")
            }
        }
        return regulars
    }

    /// Turns the regular files at stable paths (an older release wrote them in place) into links
    /// without changing a byte a reader sees: a new run folder gets a hard link to every file the
    /// slot shows now, becomes current, and each regular file is then replaced by its link.
    private func adopt(slot: String, regulars: [String]) throws(PipelineError) {
        let folder = OutputNames.runFolder(OutputNames.newID())
        let current = OutputNames.current(slot)
        try steps.mkdir(full(folder))
        var shown = regulars.map { ($0, full($0)) }
        if let old = readLink(current), OutputNames.runFolderID(old) != nil {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: full(old))) ?? []
            shown += entries.filter { !regulars.contains($0) }.map { ($0, full(old + "/" + $0)) }
        }
        for (name, source) in shown { try steps.link(source, to: full(folder + "/" + name)) }
        try steps.sync(full(folder))
        try steps.symlink(folder, at: full(OutputNames.temporary("adopted", id: runID)))
        try steps.rename(full(OutputNames.temporary("adopted", id: runID)), to: full(current))
        for name in regulars {
            let temporary = full(OutputNames.temporary(name, id: runID))
            try steps.symlink(OutputNames.linkTarget(slot: slot, name: name), at: temporary)
            try steps.rename(temporary, to: full(name))
        }
        try steps.sync(path)
        log.log(.info, "adopted the files of an older release as a published set",
                [("files", MessageText.list(regulars))])
    }

    private func removeRunFolder(_ name: String) throws(PipelineError) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: full(name))) ?? [] {
            try steps.unlink(full(name + "/" + entry))
        }
        try steps.rmdir(full(name))
    }

    /// Undoes a publish that failed before its switch, without fault steps (best effort: the
    /// next run's `removeLeftovers` finishes what this cannot).
    private func removeUnpublished(_ runFolder: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: full(runFolder))) ?? [] {
            unlink(full(runFolder + "/" + entry))
        }
        rmdir(full(runFolder))
        for name in names() where name.hasPrefix(OutputNames.temporary("", id: runID)) { unlink(full(name)) }
    }

    /// Whether `target` is what the tool makes a stable path `name` link to.
    private func isStableLinkTarget(_ target: String, of name: String) -> Bool {
        guard target.hasSuffix("/" + name), target.hasPrefix(OutputNames.currentPrefix) else { return false }
        let slot = target.dropFirst(OutputNames.currentPrefix.count).dropLast(name.count + 1)
        return !slot.isEmpty && !slot.contains("/")
    }

    private func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }

    private func readLink(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(full(name), &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func exists(_ name: String, following: Bool = false) -> Bool {
        var info = stat()
        return (following ? stat(full(name), &info) : lstat(full(name), &info)) == 0
    }

    private func isFolder(_ name: String) -> Bool {
        var info = stat()
        return lstat(full(name), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private func warnOnFailure(_ body: () throws(PipelineError) -> Void) {
        do {
            try body()
        } catch {
            log.log(.warning, "\(error.description); the next run tidies up")
        }
    }
}
