import CSVParser
import SurveyModel
import XLSXInput

/// Reads chosen records of a file again, each from the byte offset where it starts
/// (used to put the raw fields of duplicate rows, which ingest does not keep, into
/// the rejects file): one short read per record, not a pass over the file.
public enum RecordFetcher {
    /// The fields of the record starting at each of `offsets`, keyed by offset. A transcoded file
    /// (offsets in its UTF-8 text) is read once from its start, keeping the records at `offsets`.
    /// - Throws: `PipelineError.input` when the file cannot be read a second time.
    /// For a workbook the "offset" is the row number (`SurveyFileReader.readXLSX`): its rows are read again in one pass.
    public static func fields(path: String, offsets: Set<Int>, delimiter: UInt8,
                              encoding: SourceEncoding = .utf8) throws(PipelineError) -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        if SurveyFileReader.isXLSX(path) {
            let reader: XLSXSheetReader
            do {
                reader = try XLSXSheetReader(path: path)
            } catch {
                throw .input(file: path, line: nil, message: "cannot read again: \(error.description)")
            }
            var row = XLSXRecord()
            while found.count < offsets.count, try SurveyFileReader.next(reader, &row) {
                if offsets.contains(row.line) { found[row.line] = row.strings }
            }
            return found
        }
        if encoding.needsTranscoding {
            do {
                try CSVStream(delimiter: delimiter, encoding: encoding).read(path: path, onBytes: { _ in }) { record in
                    if offsets.contains(record.offset) { found[record.offset] = record.strings }
                }
            } catch {
                throw .input(file: path, line: nil, message: "cannot read again: \(error.message)")
            }
            return found
        }
        for offset in offsets.sorted() {
            do {
                if let record = try CSVStream(delimiter: delimiter).firstRecord(path: path, from: offset) {
                    found[offset] = record.record.strings
                }
            } catch {
                throw .input(file: path, line: nil, message: "cannot read again: \(error.message)")
            }
        }
        return found
    }

    /// Every rejected row of `files` in input order: ingest's own rejects, and a `duplicate`
    /// reject for each row of `duplicates` (a row that lost to a later copy: its file, line and
    /// byte offset), with its raw fields read back from its offset.
    public static func rejects(_ files: [IngestedFile],
                               duplicates: [(fileIndex: Int, line: Int, offset: Int)]) throws(PipelineError) -> [Reject] {
        var rejects = files.flatMap(\.rejects)
        let byFile = Dictionary(grouping: duplicates, by: \.fileIndex)
        for (fileIndex, rows) in byFile.sorted(by: { $0.key < $1.key }) {
            let file = files[fileIndex]
            let fields = try fields(path: file.path, offsets: Set(rows.map(\.offset)), delimiter: file.delimiter,
                                    encoding: file.encoding)
            rejects += rows.map {
                Reject(fileIndex: fileIndex, line: $0.line, reason: .duplicate, column: nil,
                       rawFields: fields[$0.offset] ?? [])
            }
        }
        return rejects.sorted { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
    }
}
