import Crypto
import Foundation
import SurveyModel

/// Reads one survey export end to end: header, then every record accepted
/// into a `RowStore` or rejected with the first reason of SPEC §7 that applies.
/// Duplicates are resolved later, across files, by Normalize.
public struct SurveyFileReader: Sendable {
    public let form: SurveyForm
    public let areas: AreaCatalog
    public let wavePeriod: WavePeriod
    public let delimiter: UInt8
    public let renames: [String: String]

    public init(config: PipelineConfig, kind: SurveyKind) {
        form = config.instrument.form(kind)
        areas = config.areaCatalog
        wavePeriod = config.wavePeriod
        delimiter = config.inputs.delimiter
        renames = config.inputs.renames[kind] ?? [:]
    }

    /// `progress` is told the size of every chunk read (for a progress bar).
    /// - Parameter spill: where the accepted rows go; nil keeps them in memory.
    /// - Throws: `PipelineError.input` when the file is missing, unreadable, empty or lacks a required
    ///   column; `.other` when the spill file cannot be written.
    public func read(path: String, fileIndex: Int, spill: SpillFile? = nil,
                     progress: (Int) -> Void = { _ in }) throws(PipelineError) -> IngestedFile {
        try Self.checkReadable(path)
        var state = ReadState(form: form, spill: spill)
        var hasher = SHA256()
        var failure: PipelineError?
        do {
            let stream = try CSVStream(delimiter: delimiter)
            try stream.read(path: path, onBytes: { chunk in
                hasher.update(bufferPointer: chunk)
                progress(chunk.count)
            }, onRecord: { record in
                guard failure == nil else { return }
                do throws(PipelineError) {
                    try self.consume(record, state: &state, path: path, fileIndex: fileIndex)
                } catch {
                    failure = error
                }
            })
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        if let failure { throw failure }
        let rows = try state.rows.finish()
        guard let header = state.header else {
            throw .input(file: path, line: 1, message: "the file is empty: expected a header row")
        }
        let digest = hasher.finalize().map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        return IngestedFile(path: path, fileIndex: fileIndex, kind: form.kind, sha256: digest,
                            rowsRead: state.rowsRead, rows: rows, rejects: state.rejects,
                            unknownColumns: header.unknownColumns)
    }

    private func consume(_ record: BorrowedRecord, state: inout ReadState, path: String,
                         fileIndex: Int) throws(PipelineError) {
        guard let header = state.header else {
            state.header = try HeaderMap(header: record.copy(), form: form, renames: renames, file: path)
            return
        }
        state.rowsRead += 1
        switch RowValidator.validate(record.fields, header: header, form: form, areas: areas,
                                     cache: &state.areaCache, codes: &state.codes) {
        case .rejected(let reason, let column):
            state.rejects.append(Reject(fileIndex: fileIndex, line: record.line, reason: reason,
                                        column: column, rawFields: record.strings))
        case .accepted(let row):
            state.append(row, fields: record.fields, line: record.line, header: header, period: wavePeriod,
                         fileIndex: fileIndex)
            try state.rows.rowAdded()
        }
    }

    private static func checkReadable(_ path: String) throws(PipelineError) {
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

/// The growing result of one file while it is read.
struct ReadState {
    var header: HeaderMap?
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

    mutating func append(_ row: ValidRow, fields record: FieldView, line: Int, header: HeaderMap, period: WavePeriod,
                         fileIndex: Int) {
        rows.current.answers.append(contentsOf: codes)
        rows.current.area.append(UInt16(row.area))
        rows.current.wave.append(Int32(period.key(year: row.time.year, month: row.time.month)))
        rows.current.submitted.append(row.time.utcSeconds)
        rows.current.file.append(UInt16(truncatingIfNeeded: fileIndex))
        rows.current.line.append(UInt32(truncatingIfNeeded: line))
        rows.current.ids.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: ValueParser.trimmed(record[header.id]))))
        if let comment = header.comment, !ValueParser.isMissing(record[comment]) {
            rows.current.comments.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: ValueParser.trimmed(record[comment]))))
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
}
