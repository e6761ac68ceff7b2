import Foundation

/// Reads and writes that name their file offset (`pread`, `pwrite`), retrying a signal's
/// interruption (`EINTR`): the one place the project talks to a descriptor byte by byte.
/// Positioned calls need no shared file position, so several threads can use one descriptor.
public enum PositionedIO {
    /// Reads up to `buffer.count` bytes at `offset`; returns how many came (0 at the end of the file).
    @inlinable
    public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                            at offset: Int) throws(FileIOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = pread(descriptor, base, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw FileIOError(code: errno) }
        }
    }

    /// Fills all of `buffer` from `offset`; the file ending first is an error (`FileIOError.endOfFile`).
    public static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                                 at offset: Int) throws(FileIOError) {
        var done = 0
        while done < buffer.count {
            let count = try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]),
                                 at: offset + done)
            guard count > 0 else { throw .endOfFile }
            done += count
        }
    }

    /// Writes all of `bytes` at `offset`.
    public static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer,
                                  at offset: Int) throws(FileIOError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw FileIOError(code: count < 0 ? errno : 0) }
            done += count
        }
    }
}

/// A file opened for reading, closed when the value goes away; reads name their offset.
public struct ReadOnlyFile: ~Copyable {
    public let descriptor: Int32

    /// - Throws: `FileIOError` with the reason `open(2)` gave (no such file, permission denied, …).
    public init(path: String) throws(FileIOError) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileIOError(code: errno) }
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many came (0 at the end of the file).
    @inlinable
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileIOError) -> Int {
        try PositionedIO.read(descriptor, into: buffer, at: offset)
    }
}

/// A failed read or write: the system's error number, or 0 when the file ended too soon.
public struct FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The file ended before the bytes asked for.
    public static let endOfFile = FileIOError(code: 0)

    /// The system's sentence for the error ("No such file or directory"), or "unexpected end of file".
    public var description: String { code == 0 ? "unexpected end of file" : String(cString: strerror(code)) }
}
