import Foundation
import Synchronization

/// A temporary file for rows that need not stay in memory between stages.
///
/// It is created in a folder and unlinked at once: it has no name, nothing to
/// clean up, and the system frees its space when the descriptor closes, even
/// when the process is killed. Writes and reads name their offset (`pwrite`,
/// `pread`), so several threads may use it at once: one file serves a whole run
/// (one descriptor however many input files), each writer appending blocks at
/// offsets it reserves.
public final class SpillFile: Sendable {
    private let descriptor: Int32
    private let folder: String
    /// The end of the reserved bytes.
    private let end = Mutex(0)

    /// - Throws: `PipelineError.other` when the folder does not take a new file.
    public init(folder: String) throws(PipelineError) {
        var template = Array((folder + "/.survey-pipeline-spill-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .other("cannot create a temporary file in \(folder) (set TMPDIR to a writable folder): "
                         + String(cString: strerror(errno)))
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.descriptor = descriptor
        self.folder = folder
    }

    deinit { close(descriptor) }

    /// Writes `bytes` after everything written or reserved so far; returns where they went.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(PipelineError) -> Range<Int> {
        let start = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        try write(bytes, at: start)
        return start..<(start + bytes.count)
    }

    /// Writes all of `bytes` at `offset`.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(PipelineError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure("write to") }
            done += count
        }
    }

    /// Fills `buffer` from `offset`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(PipelineError) {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure("read back") }
            done += count
        }
    }

    private func failure(_ verb: String) -> PipelineError {
        .other("cannot \(verb) the temporary file in \(folder): "
               + (errno == 0 ? "unexpected end of file" : String(cString: strerror(errno))))
    }
}
