import Foundation
import SurveyModel

/// The file-system operations of a publish — every mkdir, create, write, fsync, close,
/// link, symlink, rename, unlink and rmdir — numbered from 1 in the order they run, so
/// that a test can stop a run at any one of them (docs/PUBLISHING.md):
///
/// - `SURVEY_PIPELINE_FAULT_STEP=N` picks operation N;
/// - `SURVEY_PIPELINE_FAULT=kill` (the default) raises SIGKILL just before it runs;
///   `EIO`, `ENOSPC` or `EISDIR` makes it fail with that error instead of running.
///
/// Unset, nothing changes. The hook is in the release binary on purpose: the fault tests
/// and the operators' own drills run what ships.
final class PublishSteps {
    /// Operations run (or attempted) so far.
    private(set) var count = 0
    private let faultStep: Int?
    /// nil: SIGKILL.
    private let faultError: Int32?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        faultStep = environment["SURVEY_PIPELINE_FAULT_STEP"].flatMap { Int($0) }
        switch environment["SURVEY_PIPELINE_FAULT"] {
        case "EIO": faultError = EIO
        case "ENOSPC": faultError = ENOSPC
        case "EISDIR": faultError = EISDIR
        default: faultError = nil
        }
    }

    /// The fault step asked for, when the publish ended before reaching it (a drill or a test
    /// then knows how many steps there were).
    var unreachedFault: Int? { faultStep.flatMap { $0 > count ? $0 : nil } }

    /// Runs one operation; `body` returns a negative number with `errno` set when it fails.
    /// - Throws: `PipelineError.other` saying what could not be done to which path, and why.
    func run(_ action: String, _ path: String, _ body: () -> Int32) throws(PipelineError) {
        if let error = fault() { throw failure(action, path, error) }
        if body() < 0 { throw failure(action, path, errno) }
    }

    /// An operation done by other code (libxlsxwriter writing the workbook): counted, and
    /// failed by a fault before it runs.
    func external(_ action: String, _ path: String, _ body: () throws(PipelineError) -> Void) throws(PipelineError) {
        if let error = fault() { throw failure(action, path, error) }
        try body()
    }

    func mkdir(_ path: String) throws(PipelineError) {
        try run("create folder", path) { Foundation.mkdir(path, 0o755) }
    }

    func symlink(_ target: String, at path: String) throws(PipelineError) {
        try run("create link", path) { Foundation.symlink(target, path) }
    }

    func rename(_ from: String, to path: String) throws(PipelineError) {
        try run("rename \(MessageText.quoted(from)) to", path) { Foundation.rename(from, path) }
    }

    func link(_ from: String, to path: String) throws(PipelineError) {
        try run("link \(MessageText.quoted(from)) as", path) { Foundation.link(from, path) }
    }

    func unlink(_ path: String) throws(PipelineError) {
        try run("remove", path) { Foundation.unlink(path) }
    }

    func rmdir(_ path: String) throws(PipelineError) {
        try run("remove folder", path) { Foundation.rmdir(path) }
    }

    /// Creates `path` (it must not exist), writes `data`, flushes it to disk and closes it.
    func writeFile(_ data: Data, to path: String) throws(PipelineError) {
        var descriptor: Int32 = -1
        try run("create", path) {
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            return descriptor
        }
        do {
            try run("write", path) { Self.writeAll(data, to: descriptor) }
            try run("flush", path) { fsync(descriptor) }
        } catch {
            close(descriptor)
            throw error
        }
        try run("close", path) { close(descriptor) }
    }

    /// Flushes a file or a folder (its entries) to disk.
    func sync(_ path: String) throws(PipelineError) {
        var descriptor: Int32 = -1
        try run("open", path) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            return descriptor
        }
        do {
            try run("flush", path) { fsync(descriptor) }
        } catch {
            close(descriptor)
            throw error
        }
        try run("close", path) { close(descriptor) }
    }

    private func fault() -> Int32? {
        count += 1
        guard count == faultStep else { return nil }
        guard let faultError else {
            raise(SIGKILL)
            return nil
        }
        return faultError
    }

    private func failure(_ action: String, _ path: String, _ code: Int32) -> PipelineError {
        .other("cannot \(action) \(MessageText.quoted(path)): \(String(cString: strerror(code)))")
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32 {
        data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += written
            }
            return 0
        }
    }
}
