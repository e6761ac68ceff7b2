import Foundation
import SurveyModel

/// An exclusive lock on the output folder (SPEC §8): a second run waits up to
/// `wait` seconds, then fails with a clear message; two runs never interleave.
/// The kernel drops the lock when the process ends, even when it is killed.
public final class FolderLock {
    public static let fileName = ".survey-pipeline.lock"
    private let descriptor: Int32

    public init(folder: String, wait: Double) throws(PipelineError) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw .other("cannot create lock \(MessageText.quoted(path)): \(String(cString: strerror(errno)))") }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(descriptor)
                throw .other("another survey-pipeline run holds \(MessageText.quoted(folder)) (lock \(MessageText.quoted(path))); "
                             + "wait for it to finish or pass --wait SECONDS")
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
