import Crypto
import Foundation
import SurveyModel

/// SHA-256 of an input file (SPEC §8: every input's digest goes into the results),
/// computed apart from parsing when a file is read in pieces.
public enum FileDigest {
    /// The hex SHA-256 of the whole file.
    public static func sha256(path: String) throws(PipelineError) -> String {
        var hasher = SHA256()
        try update(&hasher, path: path, range: 0..<Int.max)
        return hex(hasher.finalize())
    }

    /// Adds the bytes of `range` (up to the end of the file) to `hasher`.
    static func update(_ hasher: inout SHA256, path: String, range: Range<Int>) throws(PipelineError) {
        guard !range.isEmpty else { return }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var position = range.lowerBound
        while position < range.upperBound {
            let count = pread(descriptor, buffer.baseAddress, min(buffer.count, range.upperBound - position),
                              off_t(position))
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw failure(path) }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            position += count
        }
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    private static func failure(_ path: String) -> PipelineError {
        .input(file: path, line: nil, message: "cannot read: \(String(cString: strerror(errno)))")
    }
}
