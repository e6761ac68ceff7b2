import Crypto
import FileIO
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

    /// The hex SHA-256 of `bytes` (the config file's digest in the results).
    public static func sha256(bytes: Data) -> String { hex(SHA256.hash(data: bytes)) }

    /// Adds the bytes of `range` (up to the end of the file) to `hasher`.
    static func update(_ hasher: inout SHA256, path: String, range: Range<Int>) throws(PipelineError) {
        guard !range.isEmpty else { return }
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile(path: path)
        } catch {
            throw failure(path, error)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var position = range.lowerBound
        while position < range.upperBound {
            let count: Int
            do {
                count = try file.read(into: UnsafeMutableRawBufferPointer(
                    rebasing: buffer[0..<min(buffer.count, range.upperBound - position)]), at: position)
            } catch {
                throw failure(path, error)
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            position += count
        }
    }

    /// Lowercase hex, two digits per byte: how every digest is written.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * SHA256.Digest.byteCount)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func failure(_ path: String, _ error: FileIOError) -> PipelineError {
        .input(file: path, line: nil, message: "cannot read: \(error)")
    }
}
