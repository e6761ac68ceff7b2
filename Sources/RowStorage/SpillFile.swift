import FileIO
import Foundation
import SurveyModel
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

    /// Frees the file's space and cached pages now, when no row in it will be read again (a read
    /// after this fails as a damaged file). Closing the descriptor would do the same at the end;
    /// this lets a run do it on an idle core while it writes its outputs.
    public func discard() {
        _ = ftruncate(descriptor, 0)
    }

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
        do {
            try PositionedIO.writeFully(descriptor, bytes, at: offset)
        } catch {
            throw failure("write to", error)
        }
    }

    /// Fills `buffer` from `offset`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(PipelineError) {
        do {
            try PositionedIO.readFully(descriptor, into: buffer, at: offset)
        } catch {
            throw failure("read back", error)
        }
    }

    private func failure(_ verb: String, _ error: FileIOError) -> PipelineError {
        .other("cannot \(verb) the temporary file in \(folder): \(error)")
    }
}
