import CSVParser
import RowStorage
import SurveyModel
import XLSXInput

/// Reads an `.xlsx` input (SPEC §3.8) through the same checks as a CSV: its first worksheet,
/// streamed row by row, each row made a record as wide as the header (a short row's missing
/// cells are empty), with the sheet's row numbers as line numbers. A number cell in the
/// `submitted_at` column is an Excel serial date; elsewhere a number holding an integer is that
/// integer, and any other number stays as written (so an answer of 4.5 is `invalid_value`).
/// One piece per file: a workbook is a ZIP member, it cannot be cut at a byte offset.
extension SurveyFileReader {
    /// Whether `path` is read as a workbook rather than a CSV.
    public static func isXLSX(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    func readXLSX(path: String, fileIndex: Int, spill: SpillFile?) throws(PipelineError) -> IngestedFile {
        let (reader, header, peeked) = try openXLSX(path)
        var state = ReadState(form: form, spill: spill)
        var record = CSVRecord()
        for row in peeked.dropFirst(header.map.layout.headerRows) {
            try consumeXLSX(row, header: header, reader: reader, record: &record, state: &state, fileIndex: fileIndex)
        }
        var row = XLSXRecord()
        while try Self.next(reader, &row) {
            try consumeXLSX(row, header: header, reader: reader, record: &record, state: &state, fileIndex: fileIndex)
        }
        let piece = FilePiece(rows: try state.rows.finish(), rejects: state.rejects, rowsRead: state.rowsRead,
                              end: CSVStreamEnd(lines: 0, betweenRecords: true))
        return try assemble(path: path, fileIndex: fileIndex, header: header, pieces: [piece],
                            sha256: try FileDigest.sha256(path: path))
    }

    /// The header of a workbook (its format's header rows), and the rows read to find it.
    func openXLSX(_ path: String) throws(PipelineError) -> (XLSXSheetReader, FileHeader, [XLSXRecord]) {
        let reader = try Self.openSheet(path)
        var peeked: [XLSXRecord] = [], row = XLSXRecord()
        while peeked.count < 3, try Self.next(reader, &row) { peeked.append(row) }
        guard !peeked.isEmpty else {
            throw .input(file: path, line: 1, message: "the first worksheet is empty: expected a header row")
        }
        let layout = HeaderLayout.detect(peeked.map(\.strings), configured: format, xlsx: true)
        let map = try HeaderMap(layout: layout, form: form, renames: renames, file: path, catchAll: hasCatchAll,
                                dropNonResponses: dropNonResponses)
        // Rows carry their sheet row numbers already: `assemble` moves them by firstDataLine − 1 = 0.
        return (reader, FileHeader(map: map, dataStart: 0, firstDataLine: 1,
                                   dates: try layout.format.datePatterns(after: datePatterns),
                                   encoding: .utf8, delimiter: UInt8(ascii: ",")), peeked)
    }

    /// Every row of a workbook's first worksheet as a record as wide as its first row, cells as
    /// `run` reads them (a number holding an integer is that integer; a serial date stays a
    /// number, as no column is known to be `submitted_at` yet): `init` profiles workbooks with it.
    public static func forEachXLSXRow(path: String, _ body: (CSVRecord) -> Void) throws(PipelineError) {
        let reader = try openSheet(path)
        var row = XLSXRecord(), record = CSVRecord(), width: Int?
        while try next(reader, &row) {
            let columns = width ?? row.count
            width = columns
            fill(&record, from: row, width: columns, dateColumn: -1, system: reader.dateSystem)
            body(record)
        }
    }

    private static func openSheet(_ path: String) throws(PipelineError) -> XLSXSheetReader {
        do {
            return try XLSXSheetReader(path: path)
        } catch {
            throw .input(file: path, line: nil, message: error.description)
        }
    }

    static func next(_ reader: XLSXSheetReader, _ row: inout XLSXRecord) throws(PipelineError) -> Bool {
        do {
            return try reader.next(into: &row)
        } catch {
            throw .input(file: reader.file, line: nil, message: error.description)
        }
    }

    /// One sheet row as a record of the header's width, then the row checks. Its "offset" is its
    /// row number: `RecordFetcher` finds a duplicate's cells again by it.
    private func consumeXLSX(_ row: XLSXRecord, header: FileHeader, reader: XLSXSheetReader, record: inout CSVRecord,
                             state: inout ReadState, fileIndex: Int) throws(PipelineError) {
        Self.fill(&record, from: row, width: header.map.width, dateColumn: header.map.submittedAt,
                  system: reader.dateSystem)
        let failure: PipelineError? = record.withFields { fields in
            do throws(PipelineError) {
                try consume(fields, line: row.line, offset: row.line, header: header, state: &state, fileIndex: fileIndex)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// `row`'s cells as CSV fields (see the type's comment for numbers and dates).
    static func fill(_ record: inout CSVRecord, from row: XLSXRecord, width: Int, dateColumn: Int,
                     system: ExcelDateSystem) {
        record.bytes.removeAll(keepingCapacity: true)
        record.ends.removeAll(keepingCapacity: true)
        record.line = row.line
        record.offset = row.line
        for column in 0..<width {
            let cell = column < row.count ? row[column] : row.bytes[0..<0]
            if row.kind(column) == .number {
                if column == dateColumn, let date = ExcelSerialDate.text(serialText: cell, system: system) {
                    record.bytes += date.utf8
                } else if let value = Double(String(decoding: cell, as: UTF8.self)), value.rounded() == value,
                          abs(value) < 1e15 {
                    record.bytes += String(Int64(value)).utf8
                } else {
                    record.bytes += cell
                }
            } else {
                record.bytes += cell
            }
            record.ends.append(record.bytes.count)
        }
    }
}
