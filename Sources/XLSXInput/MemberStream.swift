import Foundation
import ZIPFoundation

/// One ZIP member decompressed as it is read: a background thread inflates it with
/// ZIPFoundation, chunk by chunk, into one end of a local socket pair, and the other
/// end (`descriptor`) is what libxml2 reads. The socket's small kernel buffer is the
/// only place the member's bytes wait, so memory stays bounded whatever its size, and
/// inflating overlaps with parsing. The member is never written to disk.
///
/// Stopping early is safe: `abandon()` (and deinit) shuts the read end, the thread's
/// next send fails with EPIPE (MSG_NOSIGNAL: no SIGPIPE) and it stops; both wait for it.
final class MemberStream {
    /// The read end: hand it to `XMLStreamReader(fileDescriptor:document:)`.
    let descriptor: Int32
    private let outcome = PumpOutcome()

    /// Bytes ZIPFoundation reads and inflates per step.
    static let chunkSize = 256 * 1024

    init(archive: URL, member: String, file: String) throws(XLSXInputError) {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw .unreadable(file: file, reason: "cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        descriptor = ends[0]
        let writeEnd = ends[1]
        var bufferSize = Int32(1 << 20)
        _ = setsockopt(writeEnd, SOL_SOCKET, SO_SNDBUF, &bufferSize, socklen_t(MemoryLayout<Int32>.size))
        let outcome = self.outcome
        outcome.group.enter()
        let thread = Thread {
            defer {
                close(writeEnd)
                outcome.group.leave()
            }
            do {
                let archive = try Archive(url: archive, accessMode: .read)
                guard let entry = archive[member] else {
                    outcome.fail(.missingMember(file: file, member: member, why: "the workbook refers to it"))
                    return
                }
                let checksum = try archive.extract(entry, bufferSize: Self.chunkSize) { data in
                    try Self.send(data, to: writeEnd)
                }
                if checksum != entry.checksum {
                    outcome.fail(.corruptMember(file: file, member: member, reason: "checksum mismatch"))
                }
            } catch is PeerClosed {
                return
            } catch {
                outcome.fail(.corruptMember(file: file, member: member, reason: Self.describe(error)))
            }
        }
        thread.start()
    }

    deinit {
        abandon()
        close(descriptor)
    }

    /// After the parser saw the end of the document: reads what is left (trailing white
    /// space), waits for the inflating thread and throws what stopped it, if anything
    /// (a bad checksum is only known after the last byte).
    func finish() throws(XLSXInputError) {
        var scrap = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &scrap, scrap.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
        }
        outcome.group.wait()
        if let error = outcome.error { throw error }
    }

    /// Stops reading (the parser failed or the caller is done): the thread stops at its
    /// next send. Returns the thread's own error, which explains a parse error better
    /// (a damaged member reads as truncated XML).
    @discardableResult
    func abandon() -> XLSXInputError? {
        shutdown(descriptor, Int32(SHUT_RDWR))
        outcome.group.wait()
        return outcome.error
    }

    private struct PeerClosed: Error {}

    private static func send(_ data: Data, to socket: Int32) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let sent = Foundation.send(socket, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw PeerClosed()
                }
                offset += sent
            }
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.unreadableArchive: return "cannot read the archive"
        default: return "its compressed data cannot be inflated (\(error))"
        }
    }
}

/// What the inflating thread of a `MemberStream` ended with. The thread writes `error`
/// before it leaves `group`; readers wait on `group` first, and the lock makes the
/// field safe to read even without that order, so it is Sendable for real.
private final class PumpOutcome: @unchecked Sendable {
    let group = DispatchGroup()
    private let lock = NSLock()
    private var stored: XLSXInputError?

    var error: XLSXInputError? { lock.withLock { stored } }

    func fail(_ error: XLSXInputError) { lock.withLock { if stored == nil { stored = error } } }
}
