import Foundation

/// A buffered, append-only CSV file: rows are built as bytes into one buffer
/// that is written out in ~1 MB chunks, so memory stays bounded at any row count.
struct CSVLineWriter {
    static let chunkSize = 1 << 20

    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw SyntheticDataError.cannotCreateFile(path: path) }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.chunkSize + 64 * 1024)
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        buffer.append(byte)
    }

    @inline(__always)
    mutating func comma() {
        buffer.append(UInt8(ascii: ","))
    }

    /// Appends a non-negative integer in decimal, left-padded with zeros to `width` digits.
    mutating func appendPadded(_ value: Int, width: Int) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let count = max(digits, width)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var position = start + count - 1
        var remaining = value
        while remaining > 0 {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        }
    }

    /// Ends the current row with LF, flushing when the buffer holds a chunk.
    mutating func endRow() throws {
        buffer.append(0x0A)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            throw SyntheticDataError.writeFailed(path: path, reason: String(describing: error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file.
    mutating func close() throws {
        try flush()
        do {
            try handle.close()
        } catch {
            throw SyntheticDataError.writeFailed(path: path, reason: String(describing: error))
        }
    }

    /// Closes the file after a failure, ignoring further errors: the first one is the one reported.
    func abandon() {
        try? handle.close()
    }
}
