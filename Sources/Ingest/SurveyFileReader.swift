import Crypto
import CSVParser
import Foundation
import RowStorage
import SurveyModel

/// Reads one survey export end to end: header, then every record accepted
/// into a `RowStore` or rejected with the first reason of SPEC §7 that applies.
/// Duplicates are resolved later, across files, by Normalize.
public struct SurveyFileReader: Sendable {
    public let form: SurveyForm
    public let areas: AreaCatalog
    public let wavePeriod: WavePeriod
    /// nil: `auto`, chosen per file from its header row (`FileHeader.delimiter`).
    public let delimiter: UInt8?
    /// As configured; each file's own is resolved from its first bytes (`FileHeader.encoding`).
    public let encoding: InputEncoding
    public let renames: [String: String]
    /// Tried after the built-in date forms (SPEC §3.4); a file's format may add its own.
    public let datePatterns: DatePatterns
    public let maxFieldBytes: Int
    /// `inputs.format` for this survey kind (SPEC §3.6).
    public let format: InputFormat
    public let dropNonResponses: Bool
    public let hasCatchAll: Bool

    public init(config: PipelineConfig, kind: SurveyKind) {
        form = config.instrument.form(kind)
        areas = config.areaCatalog
        wavePeriod = config.wavePeriod
        delimiter = config.inputs.delimiter
        encoding = config.inputs.encoding(kind)
        renames = config.inputs.renames[kind] ?? [:]
        datePatterns = config.inputs.datePatterns
        maxFieldBytes = config.inputs.maxFieldBytes
        format = config.inputs.formats[kind]
        dropNonResponses = config.inputs.dropNonResponses
        hasCatchAll = config.catchAllArea != nil
    }

    /// Reads the whole file on this thread: header, rows, SHA-256.
    /// `progress` is told the size of every chunk read (for a progress bar).
    /// - Parameter spill: where the accepted rows go; nil keeps them in memory.
    /// - Throws: `PipelineError.input` when the file is missing, unreadable, empty or lacks a required
    ///   column; `.other` when the spill file cannot be written.
    public func read(path: String, fileIndex: Int, spill: SpillFile? = nil,
                     progress: (Int) -> Void = { _ in }) throws(PipelineError) -> IngestedFile {
        if Self.isXLSX(path) {
            try Self.checkReadable(path)
            let file = try readXLSX(path: path, fileIndex: fileIndex, spill: spill)
            progress(InputSetReader.fileSize(path))
            return file
        }
        let header = try readHeader(path: path)
        var hasher = SHA256()
        // A transcoded read passes every byte of the file to `onBytes`, its header's too.
        if !header.encoding.needsTranscoding {
            try FileDigest.update(&hasher, path: path, range: 0..<header.dataStart)
        }
        let piece = try readPiece(path: path, range: header.dataStart..<Int.max, header: header,
                                  fileIndex: fileIndex, spill: spill) { chunk in
            hasher.update(bufferPointer: chunk)
            progress(chunk.count)
        }
        return try assemble(path: path, fileIndex: fileIndex, header: header, pieces: [piece],
                        sha256: FileDigest.hex(hasher.finalize()))
    }

    /// The header of `path`, where its data starts, and the encoding and delimiter it is read in
    /// (from the config and, for UTF-16 and `auto`, the file's first bytes).
    /// - Throws: `PipelineError.input` when the file is missing, unreadable, empty, lacks a required column,
    ///   or is UTF-16 read as UTF-8 (`EncodingDetector`).
    public func readHeader(path: String) throws(PipelineError) -> FileHeader {
        try Self.checkReadable(path)
        if Self.isXLSX(path) { return try openXLSX(path).1 }
        let prefix = try EncodingDetector.prefix(of: path)
        let encoding = try EncodingDetector.resolve(encoding, prefix: prefix, path: path)
        let delimiter = delimiter ?? EncodingDetector.delimiter(prefix: prefix, encoding: encoding)
        // Three records at most: enough for every format's header and its `auto` rules (SPEC §3.6).
        var found: [(record: CSVRecord, end: Int, lines: Int)] = []
        do {
            while found.count < 3,
                  let next = try CSVStream(delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
                      .firstRecord(path: path, from: found.last?.end ?? 0) {
                found.append(next)
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        guard !found.isEmpty else {
            throw .input(file: path, line: 1, message: "the file is empty: expected a header row")
        }
        let layout = HeaderLayout.detect(found.map(\.record.strings), configured: format, xlsx: false)
        let last = found[layout.headerRows - 1]
        let lines = found.prefix(layout.headerRows).reduce(0) { $0 + $1.lines }
        return FileHeader(map: try HeaderMap(layout: layout, form: form, renames: renames, file: path,
                                             catchAll: hasCatchAll, dropNonResponses: dropNonResponses),
                          dataStart: last.end, firstDataLine: lines + 1,
                          dates: try layout.format.datePatterns(after: datePatterns),
                          encoding: encoding, delimiter: delimiter)
    }

    /// Reads the records in `range` of `path`, which must start at a record (after the header,
    /// or where `PiecePlanner` split the file; a transcoded file is never split, and its range counts
    /// bytes of its UTF-8 text). Line numbers in the result count from 1 at the
    /// start of the range; `assemble` moves them to the file's numbering.
    /// - Parameter onBytes: told every chunk read (hashing, progress).
    public func readPiece(path: String, range: Range<Int>, header: FileHeader, fileIndex: Int, spill: SpillFile?,
                          onBytes: (UnsafeRawBufferPointer) -> Void = { _ in }) throws(PipelineError) -> FilePiece {
        var state = ReadState(form: form, spill: spill)
        var failure: PipelineError?
        let end: CSVStreamEnd
        do {
            let stream = try CSVStream(delimiter: header.delimiter, encoding: header.encoding,
                                       maxFieldBytes: maxFieldBytes)
            end = try stream.read(path: path, range: range, onBytes: onBytes) { record in
                guard failure == nil else { return }
                do throws(PipelineError) {
                    try self.consume(record.fields, line: record.line, offset: record.offset, header: header,
                                     state: &state, fileIndex: fileIndex, tooLongField: record.tooLongField)
                } catch {
                    failure = error
                }
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        if let failure { throw failure }
        return FilePiece(rows: try state.rows.finish(), rejects: state.rejects, rowsRead: state.rowsRead, end: end)
    }

    /// One file from its pieces in order, their line numbers moved to the file's.
    /// - Throws: `PipelineError.input` when the file has more lines than a row's 32-bit line number holds.
    public func assemble(path: String, fileIndex: Int, header: FileHeader, pieces: [FilePiece],
                         sha256: String) throws(PipelineError) -> IngestedFile {
        let lines = header.firstDataLine - 1 + pieces.reduce(0) { $0 + $1.end.lines }
        guard lines <= UInt32.max else {
            throw .input(file: path, line: nil, message: "\(lines) lines; at most \(UInt32.max) are supported: split the file")
        }
        var parts: [RowStore] = [], rejects: [Reject] = []
        var line = header.firstDataLine
        for piece in pieces {
            parts.append(piece.rows.shiftingLines(by: line - 1))
            rejects += piece.rejects.map { reject in
                var moved = reject
                moved.line += line - 1
                return moved
            }
            line += piece.end.lines
        }
        return IngestedFile(path: path, fileIndex: fileIndex, kind: form.kind, sha256: sha256,
                            rowsRead: pieces.reduce(0) { $0 + $1.rowsRead }, parts: parts, rejects: rejects,
                            unknownColumns: header.map.unknownColumns, layout: header.map.layout,
                            encoding: header.encoding, delimiter: header.delimiter)
    }

    /// Checks one record (a CSV record, or a sheet row made one) and files it as accepted or rejected.
    func consume(_ fields: FieldView, line: Int, offset: Int, header file: FileHeader, state: inout ReadState,
                 fileIndex: Int, tooLongField: Int? = nil) throws(PipelineError) {
        state.rowsRead += 1
        let header = file.map
        switch RowValidator.validate(fields, header: header, form: form, areas: areas, dates: file.dates,
                                     cache: &state.areaCache, codes: &state.codes,
                                     tooLongField: tooLongField) {
        case .rejected(let reason, let column):
            state.rejects.append(Reject(fileIndex: fileIndex, line: line, reason: reason, column: column,
                                        rawFields: (0..<fields.count).map { String(decoding: fields[$0], as: UTF8.self) }))
        case .accepted(let row):
            state.append(row, fields: fields, line: line, offset: offset, header: header,
                         period: wavePeriod, fileIndex: fileIndex)
            try state.rows.rowAdded()
        }
    }

    static func checkReadable(_ path: String) throws(PipelineError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .input(file: path, line: nil, message: "no such file")
        }
        if isDirectory.boolValue { throw .input(file: path, line: nil, message: "is a folder, expected a CSV file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .input(file: path, line: nil, message: "permission denied")
        }
    }
}

/// A file's header, read on its own before the rows.
public struct FileHeader: Sendable {
    public let map: HeaderMap
    /// Byte offset just past the header's last line: where the data starts.
    public let dataStart: Int
    /// Physical line number of the first line after the header.
    public let firstDataLine: Int
    /// `inputs.date_formats` and the patterns the file's format adds.
    public let dates: DatePatterns
    /// The file's encoding; other than UTF-8, offsets (`dataStart`, ranges) count bytes of its UTF-8 text.
    public let encoding: SourceEncoding
    /// The configured delimiter, or the one `auto` chose for this file.
    public let delimiter: UInt8
}

/// The rows of one byte range of a file, read on their own (see `SurveyFileReader.readPiece`).
public struct FilePiece: Sendable {
    public var rows: RowStore
    /// Line numbers count from 1 at the start of the range.
    public var rejects: [Reject]
    public var rowsRead: Int
    /// The lines in the range, and whether it ended between records (so the split was sound).
    public var end: CSVStreamEnd
}

/// The growing result of one byte range while it is read.
struct ReadState {
    var rowsRead = 0
    var rows: RowStoreWriter
    var rejects: [Reject] = []
    var areaCache = CellCache<Int?>()
    var breakdownCaches: [CellCache<UInt32>]
    /// Scratch buffer for one row's answer codes.
    var codes: [UInt8]

    init(form: SurveyForm, spill: SpillFile?) {
        rows = RowStoreWriter(kind: form.kind, itemCount: form.items.count, breakdownCount: form.breakdowns.count,
                              spill: spill)
        breakdownCaches = Array(repeating: CellCache(), count: form.breakdowns.count)
        codes = Array(repeating: 0, count: form.items.count)
    }

    mutating func append(_ row: ValidRow, fields record: FieldView, line: Int, offset: Int, header: HeaderMap,
                         period: WavePeriod, fileIndex: Int) {
        rows.current.answers.append(contentsOf: codes)
        rows.current.area.append(UInt16(row.area))
        rows.current.wave.append(Int32(period.key(year: row.time.year, month: row.time.month)))
        rows.current.submitted.append(row.time.utcSeconds)
        rows.current.file.append(UInt16(truncatingIfNeeded: fileIndex))
        rows.current.line.append(UInt32(truncatingIfNeeded: line))
        rows.current.offset.append(Int64(offset))
        appendID(record, header: header, offset: offset, fileIndex: fileIndex)
        if let comment = header.comment, !ValueParser.isMissing(record[comment]) {
            // As read, untrimmed: its digest orders the comments (SPEC §9.1).
            rows.current.comments.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: record[comment])))
        } else {
            rows.current.comments.append(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        for (column, position) in header.breakdowns.enumerated() {
            let cell = position.map { record[$0] } ?? record.bytes[0..<0]
            let code = breakdownCaches[column].value(for: cell) { cell in
                let text = ValueParser.isMissing(cell) ? "" : String(decoding: ValueParser.trimmed(cell), as: UTF8.self)
                return rows.current.breakdownPools[column].intern(text)
            }
            rows.current.breakdowns[column].append(code)
        }
    }

    /// The row's id as the duplicate rule compares it (SPEC §3.6). A form without ids gets a key no
    /// text can hold (0xFF never occurs in UTF-8) from the row's file and offset: every row its own
    /// respondent. An id unique per file only (`microsoft_forms`) is keyed by its file too.
    private mutating func appendID(_ record: FieldView, header: HeaderMap, offset: Int, fileIndex: Int) {
        if let id = header.id, !header.layout.format.idPerFile {
            rows.current.ids.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: ValueParser.trimmed(record[id]))))
            return
        }
        var key: [UInt8] = [0xFF]
        withUnsafeBytes(of: UInt16(truncatingIfNeeded: fileIndex).littleEndian) { key += $0 }
        if let id = header.id {
            key += ValueParser.trimmed(record[id])
        } else {
            withUnsafeBytes(of: Int64(offset).littleEndian) { key += $0 }
        }
        key.withUnsafeBytes { rows.current.ids.append($0) }
    }
}
