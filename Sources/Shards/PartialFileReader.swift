import Crypto
import FileIO
import Foundation
import SurveyModel

/// Reads one shard's partial file back (docs/SHARDS.md): `init` reads and checks the
/// magic, the format version and the header (tool version, config digest, inputs and
/// their rejects); `readRows` then streams every input's chunks of rows to the caller
/// and returns the aggregates, after checking the file's SHA-256. Every length is
/// bounded by the file's size; a short or damaged file is an input error naming the
/// file and the byte offset.
public final class PartialFileReader {
    public let path: String
    public let header: PartialHeader
    private let descriptor: Int32
    /// Bytes before the trailing checksum.
    private let contentEnd: Int
    private var offset = 0
    private var hasher = SHA256()

    /// - Throws: `PipelineError.input` when the file is missing, not a partial file, of
    ///   another format version, or its header is damaged.
    public init(path: String) throws(PipelineError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .input(file: path, line: nil, message: "cannot open the partial file: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        let contentEnd = (fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0) - PartialFormat.checksumBytes
        self.contentEnd = contentEnd
        var hasher = SHA256()
        do throws(PipelineError) {
            var start = try Self.section(descriptor, path: path, at: 0, length: PartialFormat.magic.count + 4 + 8,
                                         end: contentEnd, hasher: &hasher)
            guard Array(try start.take(PartialFormat.magic.count, "magic")) == PartialFormat.magic else {
                throw PipelineError.input(file: path, line: nil,
                                          message: "not a partial file of survey-pipeline (it does not start with "
                                          + "\(MessageText.quoted(String(decoding: PartialFormat.magic, as: UTF8.self))))")
            }
            let version = try start.u32("format version")
            guard version == PartialFormat.version else {
                throw PipelineError.input(file: path, line: nil,
                                          message: "partial file format version \(version); this tool reads version "
                                          + "\(PartialFormat.version): write it again with this tool's score --partial")
            }
            let length = try start.bounded("header length", limit: max(0, contentEnd - start.offset))
            var body = try Self.section(descriptor, path: path, at: start.offset, length: length, end: contentEnd,
                                        hasher: &hasher)
            header = try Self.header(&body)
            offset = start.offset + length
            self.hasher = hasher
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Streams every chunk of rows, in file order, as `(input index, rows)`, checking each
    /// against `shapes` of its input's kind; returns the aggregates.
    /// - Throws: `PipelineError.input` when the file is damaged or its rows disagree with its header.
    public func readRows(shapes: (SurveyKind) -> RowShape,
                         onChunk: (Int, ResponseTable) throws(PipelineError) -> Void) throws(PipelineError)
        -> [PartialAggregate] {
        for (index, input) in header.inputs.enumerated() {
            var opening = try next(1 + 8 + 8)
            let tagOffset = opening.offset
            guard try opening.u8("section tag") == PartialFormat.rowsTag else {
                throw opening.failure("expected the rows of input \(index + 1)", at: tagOffset)
            }
            guard try opening.bounded("input index", limit: header.inputs.count) == index else {
                throw opening.failure("the rows of input \(index + 1) are not in their place", at: tagOffset + 1)
            }
            let chunks = try opening.bounded("chunk count", limit: contentEnd - offset)
            var rows = 0
            for _ in 0..<chunks {
                var length = try next(8)
                let bytes = try length.bounded("chunk length", limit: contentEnd - offset)
                var body = try next(bytes)
                let table = try ChunkCodec.decode(&body, kind: input.kind, shape: shapes(input.kind))
                try body.expectEnd("a chunk")
                rows += table.count
                try onChunk(index, table)
            }
            guard rows == input.rowCount else {
                throw PartialFileError.damaged(path: path, offset: offset,
                                               what: "input \(index + 1) has \(rows) rows, its header says \(input.rowCount)")
            }
        }
        var closing = try next(1 + 8)
        guard try closing.u8("section tag") == PartialFormat.aggregatesTag else {
            throw closing.failure("expected the aggregates", at: closing.offset - 1)
        }
        var sums = try next(try closing.bounded("aggregates length", limit: contentEnd - offset))
        let aggregates = try Self.aggregates(&sums)
        guard offset == contentEnd else {
            throw PartialFileError.damaged(path: path, offset: offset, what: "\(contentEnd - offset) bytes after the aggregates")
        }
        var stored = [UInt8](repeating: 0, count: PartialFormat.checksumBytes)
        let read = stored.withUnsafeMutableBytes { raw in
            Result { () throws(FileIOError) in try PositionedIO.readFully(descriptor, into: raw, at: offset) }
        }
        if case .failure(let error) = read {
            throw PartialFileError.damaged(path: path, offset: offset, what: "the checksum: \(error)")
        }
        guard Array(hasher.finalize()) == stored else {
            throw PartialFileError.damaged(path: path, offset: offset, what: "the SHA-256 of the file does not match its content")
        }
        return aggregates
    }

    private static func header(_ body: inout ByteDecoder) throws(PipelineError) -> PartialHeader {
        let tool = try body.string("tool version")
        let digest = try body.string("config digest")
        let count = try body.count("number of inputs", elementBytes: 64)
        var inputs: [PartialInput] = []
        for _ in 0..<count {
            let path = try body.string("input path")
            let kindOffset = body.offset
            let kind: SurveyKind
            switch try body.u8("survey kind") {
            case 0: kind = .employee
            case 1: kind = .customer
            case let other: throw body.failure("survey kind \(other) (0 employee, 1 customer expected)", at: kindOffset)
            }
            let formatOffset = body.offset
            let formatName = try body.string("input format")
            guard let format = InputFormat(rawValue: formatName), format != .auto else {
                throw body.failure("input format \(MessageText.quoted(formatName))", at: formatOffset)
            }
            let headerRows = try body.bounded("header rows", limit: Int(UInt32.max))
            let encoding = try body.string("encoding")
            let delimiter = try body.u8("delimiter")
            let sha256 = try body.string("input SHA-256")
            let rowsRead = try body.bounded("rows read", limit: Int(UInt32.max))
            let unknown = try body.strings("unknown columns")
            let rejectCount = try body.count("number of rejects", elementBytes: 33)
            var rejects: [Reject] = []
            rejects.reserveCapacity(rejectCount)
            for _ in 0..<rejectCount {
                let line = try body.bounded("reject line", limit: Int(UInt32.max) + 1)
                let reasonOffset = body.offset
                let reasonName = try body.string("reject reason")
                guard let reason = RejectReason(rawValue: reasonName), reason != .duplicate else {
                    throw body.failure("reject reason \(MessageText.quoted(reasonName))", at: reasonOffset)
                }
                let hasColumn = try body.u8("reject column flag") != 0
                let column = try body.string("reject column")
                rejects.append(Reject(fileIndex: 0, line: line, reason: reason, column: hasColumn ? column : nil,
                                      rawFields: try body.strings("raw fields")))
            }
            let rowCount = try body.bounded("accepted rows", limit: rowsRead)
            guard rowCount + rejects.count == rowsRead else {
                throw body.failure("\(rowCount) accepted and \(rejects.count) rejected rows, \(rowsRead) read")
            }
            inputs.append(PartialInput(path: path, kind: kind, format: format, headerRows: headerRows,
                                       encoding: encoding, delimiter: delimiter, sha256: sha256, rowsRead: rowsRead,
                                       unknownColumns: unknown, rejects: rejects, rowCount: rowCount))
        }
        try body.expectEnd("the header")
        return PartialHeader(toolVersion: tool, configSHA256: digest, inputs: inputs)
    }

    private static func aggregates(_ body: inout ByteDecoder) throws(PipelineError) -> [PartialAggregate] {
        let count = try body.bounded("number of aggregates", limit: SurveyKind.allCases.count)
        var result: [PartialAggregate] = []
        for _ in 0..<count {
            let kindOffset = body.offset
            let code = try body.u8("survey kind")
            guard code < 2 else { throw body.failure("survey kind \(code)", at: kindOffset) }
            let width = try body.bounded("aggregate width", limit: Int(UInt32.max))
            let areas = try body.bounded("area count", limit: Int(UInt16.max) + 1)
            let waves = try body.integers(try body.count("wave count", elementBytes: 4), as: Int32.self, "waves")
            let totalsOffset = body.offset
            let totals = try body.integers(try body.count("total count", elementBytes: 8), as: Int64.self, "totals")
            guard width.multipliedReportingOverflow(by: areas).partialValue * waves.count == totals.count,
                  !width.multipliedReportingOverflow(by: areas).overflow else {
                throw body.failure("\(totals.count) totals for \(waves.count) waves × \(areas) areas × \(width)",
                                   at: totalsOffset)
            }
            result.append(PartialAggregate(kind: code == 0 ? .employee : .customer, width: width, areaCount: areas,
                                           waves: waves, totals: totals))
        }
        try body.expectEnd("the aggregates")
        return result
    }

    /// The next `length` bytes as a decoder (hashed).
    private func next(_ length: Int) throws(PipelineError) -> ByteDecoder {
        let decoder = try Self.section(descriptor, path: path, at: offset, length: length, end: contentEnd, hasher: &hasher)
        offset += length
        return decoder
    }

    /// `length` bytes at `offset`, which must end by `end`, hashed on the way.
    private static func section(_ descriptor: Int32, path: String, at offset: Int, length: Int, end: Int,
                                hasher: inout SHA256) throws(PipelineError) -> ByteDecoder {
        guard length >= 0, offset + length <= end else {
            throw PartialFileError.damaged(path: path, offset: max(0, min(offset, end)),
                                           what: "\(length) bytes expected, the file ends (before its checksum) at byte \(max(end, 0))")
        }
        var bytes = [UInt8](repeating: 0, count: length)
        let read = bytes.withUnsafeMutableBytes { raw in
            Result { () throws(FileIOError) in try PositionedIO.readFully(descriptor, into: raw, at: offset) }
        }
        if case .failure(let error) = read {
            throw PartialFileError.damaged(path: path, offset: offset, what: "cannot read \(length) bytes: \(error)")
        }
        hasher.update(data: bytes)
        return ByteDecoder(bytes, base: offset, path: path)
    }
}
