import Foundation
import SurveyModel

/// Publishes files the way SPEC §8 asks: written to a temporary name in the
/// same folder, flushed to disk, then renamed over the final name, so a reader
/// sees the old file or the new one and never a part of one.
public enum AtomicFile {
    /// The prefix of temporary files; nothing final ever starts with it.
    public static let temporaryPrefix = ".tmp-"

    public static func write(_ data: Data, to path: String) throws(PipelineError) {
        try publish(try stage(data, for: path), as: path)
    }

    /// Writes and flushes `data` under the temporary name of `path` and returns that name;
    /// `publish` renames it into place (several files can be staged, then published together).
    public static func stage(_ data: Data, for path: String) throws(PipelineError) -> String {
        let temporary = temporaryPath(for: path)
        try writeFlushed(data, to: temporary)
        return temporary
    }

    /// Deletes temporary files of runs that were killed. Call it only while holding the
    /// folder's lock: then no live run owns a temporary file there.
    public static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// Renames a finished temporary file over `path`.
    public static func publish(_ temporary: String, as path: String) throws(PipelineError) {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .other("cannot publish \(path): \(reason)")
        }
    }

    /// A temporary path next to `path` for a writer that creates the file itself (libxlsxwriter).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent("\(temporaryPrefix)\(getpid())-\(url.lastPathComponent)").path
    }

    /// Flushes a file written by someone else to disk before it is published.
    public static func flush(_ path: String) throws(PipelineError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .other("cannot reopen \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        fsync(descriptor)
    }

    private static func writeFlushed(_ data: Data, to path: String) throws(PipelineError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .other("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            unlink(path)
            throw .other("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
