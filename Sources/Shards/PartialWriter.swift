import Crypto
import FileIO
import Foundation
import RowStorage
import SurveyModel

/// Writes one shard's partial file (docs/SHARDS.md): the header with its inputs and
/// rejects, every input's accepted rows chunk by chunk, the aggregates, and the SHA-256
/// of all of it. The file is created new (`O_EXCL`) and flushed to disk; the caller
/// writes under a temporary name and renames, so a reader never sees half a file.
public final class PartialWriter {
    private let path: String
    private let descriptor: Int32
    private var offset = 0
    private var hasher = SHA256()

    /// - Throws: `PipelineError.other` when the file cannot be created.
    public init(path: String) throws(PipelineError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .other("cannot create \(MessageText.quoted(path)): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// The whole file: `rows[i]` are the stores of `header.inputs[i]`, in row order.
    public func write(header: PartialHeader, rows: [[RowStore]], aggregates: [PartialAggregate]) throws(PipelineError) {
        var start = ByteEncoder()
        start.raw(PartialFormat.magic)
        start.u32(PartialFormat.version)
        let section = Self.headerSection(header)
        start.count(section.count)
        start.raw(section)
        try emit(start.bytes)
        for (index, stores) in rows.enumerated() {
            var opening = ByteEncoder()
            opening.u8(PartialFormat.rowsTag)
            opening.count(index)
            opening.count(stores.reduce(0) { $0 + $1.chunkCount })
            try emit(opening.bytes)
            for store in stores {
                for chunk in 0..<store.chunkCount {
                    var body = ByteEncoder()
                    try ChunkCodec.encode(try store.chunk(chunk), into: &body)
                    var length = ByteEncoder()
                    length.count(body.bytes.count)
                    try emit(length.bytes)
                    try emit(body.bytes)
                }
            }
        }
        var closing = ByteEncoder()
        closing.u8(PartialFormat.aggregatesTag)
        let sums = Self.aggregatesSection(aggregates)
        closing.count(sums.count)
        closing.raw(sums)
        try emit(closing.bytes)
        let digest = Array(hasher.finalize())
        try put(digest)
        guard fsync(descriptor) == 0 else { throw failure(errno) }
    }

    static func headerSection(_ header: PartialHeader) -> [UInt8] {
        var out = ByteEncoder()
        out.string(header.toolVersion)
        out.string(header.configSHA256)
        out.count(header.inputs.count)
        for input in header.inputs {
            out.string(input.path)
            out.u8(PartialFormat.kindCode(input.kind))
            out.string(input.format.rawValue)
            out.count(input.headerRows)
            out.string(input.encoding)
            out.u8(input.delimiter)
            out.string(input.sha256)
            out.count(input.rowsRead)
            out.strings(input.unknownColumns)
            out.count(input.rejects.count)
            for reject in input.rejects {
                out.count(reject.line)
                out.string(reject.reason.rawValue)
                out.u8(reject.column == nil ? 0 : 1)
                out.string(reject.column ?? "")
                out.strings(reject.rawFields)
            }
            out.count(input.rowCount)
        }
        return out.bytes
    }

    static func aggregatesSection(_ aggregates: [PartialAggregate]) -> [UInt8] {
        var out = ByteEncoder()
        out.count(aggregates.count)
        for aggregate in aggregates {
            out.u8(PartialFormat.kindCode(aggregate.kind))
            out.count(aggregate.width)
            out.count(aggregate.areaCount)
            out.count(aggregate.waves.count)
            out.integers(aggregate.waves)
            out.count(aggregate.totals.count)
            out.integers(aggregate.totals)
        }
        return out.bytes
    }

    private func emit(_ bytes: [UInt8]) throws(PipelineError) {
        hasher.update(data: bytes)
        try put(bytes)
    }

    private func put(_ bytes: [UInt8]) throws(PipelineError) {
        let written = bytes.withUnsafeBytes { raw in
            Result { () throws(FileIOError) in try PositionedIO.writeFully(descriptor, raw, at: offset) }
        }
        if case .failure(let error) = written { throw failure(error.code) }
        offset += bytes.count
    }

    private func failure(_ code: Int32) -> PipelineError {
        .other("cannot write \(MessageText.quoted(path)): \(FileIOError(code: code))")
    }
}
