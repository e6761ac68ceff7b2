import CSVParser
import Ingest
import SurveyModel

/// Every answer seen in one column of a survey file: each distinct value (trimmed) with its count
/// and first line, up to `limit` values (more means free text, not a scale).
public struct ColumnProfile: Sendable {
    /// Distinct values kept for an answer column; a scale has far fewer (labels in a few spellings).
    public static let maxDistinct = 100

    public var header: String
    /// Value → (rows, first line), for non-missing answers (SPEC §3.4 missing tokens excluded).
    public var values: [String: (count: Int, line: Int)] = [:]
    /// More distinct values than `maxDistinct`.
    public var manyValues = false
    public var answered = 0
    let limit: Int

    init(header: String, limit: Int = ColumnProfile.maxDistinct) {
        self.header = header
        self.limit = limit
    }

    mutating func add<Cell: ValueParser.Bytes>(_ cell: Cell, line: Int) {
        guard !ValueParser.isMissing(cell) else { return }
        answered += 1
        let text = String(decoding: ValueParser.trimmed(cell), as: UTF8.self)
        if let seen = values[text] {
            values[text] = (seen.count + 1, seen.line)
        } else if values.count < limit {
            values[text] = (1, line)
        } else {
            manyValues = true
        }
    }
}

/// One survey export read end to end for `init` (SPEC §8: every row, so the scales chosen hold
/// every value present): its encoding, delimiter, header layout (SPEC §3.6: a platform's header rows
/// are not answers, detected on the first records as `run` does) and a profile of every column.
/// A CSV file or a workbook's first worksheet (SPEC §3.8).
public struct FileProfile: Sendable {
    public var path: String
    public var delimiter: UInt8
    /// What the file was read as: UTF-8, or transcoded while streaming from UTF-16 (its byte-order
    /// mark) or Windows-1252 (when more of its non-ASCII records are not UTF-8 than are).
    public var encoding: SourceEncoding
    /// Records (header rows included) that are not valid UTF-8, counted while reading as UTF-8.
    public var invalidUTF8Rows = 0
    /// Whether, read as UTF-8, more of the file's non-ASCII records are not UTF-8 than are.
    var mostlyNotUTF8 = false
    /// The format `auto` finds (SPEC §3.6) and how many leading records are header rows.
    public var layout: HeaderLayout
    /// The names columns are found by (for `surveymonkey`, the composed names).
    public var header: [String] { layout.names }
    public var columns: [ColumnProfile]
    public var rows = 0
    /// Records whose field count differs from the header's (run rejects them as `field_count`).
    public var shortOrLongRows = 0

    /// Leading records `HeaderLayout.detect` looks at.
    static let layoutRecords = 3

    /// - Throws: `PipelineError.input` when the file is missing, unreadable, empty, or UTF-16 without
    ///   a byte-order mark (the message `run` gives, `EncodingDetector`).
    public static func read(path: String) throws(PipelineError) -> FileProfile {
        if SurveyFileReader.isXLSX(path) { return try readXLSX(path: path) }
        let prefix = try EncodingDetector.prefix(of: path)
        let encoding = try EncodingDetector.resolve(.auto, prefix: prefix, path: path)
        let profile = try read(path: path, prefix: prefix, encoding: encoding)
        // Records that are not UTF-8 are most often Excel's "CSV" on Windows (SPEC §3.1); a UTF-8 file
        // with a few broken rows (which run rejects as `encoding`) has more records of valid UTF-8.
        return profile.mostlyNotUTF8 ? try read(path: path, prefix: prefix, encoding: .windows1252) : profile
    }

    /// The file streamed in `encoding` (transcoded to UTF-8 while it streams, as `run` reads it).
    private static func read(path: String, prefix: [UInt8], encoding: SourceEncoding) throws(PipelineError) -> FileProfile {
        let delimiter = EncodingDetector.delimiter(prefix: prefix, encoding: encoding)
        var builder = Builder(path: path, delimiter: delimiter, encoding: encoding)
        do {
            let stream = try CSVStream(delimiter: delimiter, encoding: encoding)
            try stream.read(path: path, onBytes: { _ in }) { record in
                if encoding == .utf8, record.fields.hasNonASCII {
                    let valid = (0..<record.count).allSatisfy { String(validating: record.fields[$0], as: UTF8.self) != nil }
                    builder.nonASCII[valid ? 0 : 1] += 1
                }
                builder.add(count: record.count, line: record.line, copy: record.copy) { record.fields[$0] }
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        return try builder.finish()
    }

    /// A workbook's first worksheet (SPEC §3.8), streamed row by row as `run` reads it.
    private static func readXLSX(path: String) throws(PipelineError) -> FileProfile {
        var builder = Builder(path: path, delimiter: UInt8(ascii: ","), encoding: .utf8, xlsx: true)
        try SurveyFileReader.forEachXLSXRow(path: path) { record in
            builder.add(count: record.count, line: record.line, copy: { record }) { record[$0] }
        }
        return try builder.finish()
    }

    /// Collects the first records until the layout is known, then profiles every data record.
    private struct Builder {
        let path: String, delimiter: UInt8, encoding: SourceEncoding
        /// A workbook: its layout may be `microsoft_forms` (SPEC §3.6 `auto`).
        let xlsx: Bool
        var leading: [CSVRecord] = []
        var profile: FileProfile?
        /// Records with non-ASCII bytes: [valid UTF-8, not UTF-8].
        var nonASCII = [0, 0]

        init(path: String, delimiter: UInt8, encoding: SourceEncoding, xlsx: Bool = false) {
            self.path = path
            self.delimiter = delimiter
            self.encoding = encoding
            self.xlsx = xlsx
        }

        mutating func add<Cell: ValueParser.Bytes>(count: Int, line: Int, copy: () -> CSVRecord, field: (Int) -> Cell) {
            guard profile != nil else {
                leading.append(copy())
                if leading.count == layoutRecords { profile = FileProfile(self) }
                return
            }
            profile?.add(count: count, line: line, field: field)
        }

        mutating func finish() throws(PipelineError) -> FileProfile {
            if profile == nil, !leading.isEmpty { profile = FileProfile(self) }
            guard var profile else { throw .input(file: path, line: 1, message: "the file is empty: expected a header row") }
            profile.invalidUTF8Rows = nonASCII[1]
            profile.mostlyNotUTF8 = nonASCII[1] > nonASCII[0]
            return profile
        }
    }

    /// The layout of the file's first records; those after its header rows are profiled as answers.
    private init(_ builder: Builder) {
        let layout = HeaderLayout.detect(builder.leading.map(\.strings), configured: .auto, xlsx: builder.xlsx)
        let area = Guess.areaColumn(layout.names, texts: Guess.questionTexts(layout))
        path = builder.path
        delimiter = builder.delimiter
        encoding = builder.encoding
        self.layout = layout
        columns = layout.names.indices.map {
            ColumnProfile(header: layout.names[$0], limit: $0 == area ? 65_535 : ColumnProfile.maxDistinct)
        }
        for record in builder.leading.dropFirst(layout.headerRows) {
            add(count: record.count, line: record.line) { record[$0] }
        }
    }

    private mutating func add<Cell: ValueParser.Bytes>(count: Int, line: Int, field: (Int) -> Cell) {
        rows += 1
        guard count == header.count else {
            shortOrLongRows += 1
            return
        }
        for index in columns.indices { columns[index].add(field(index), line: line) }
    }
}
