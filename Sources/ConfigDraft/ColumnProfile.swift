import CSVParser
import Foundation
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
/// every value present): its delimiter, its header layout (SPEC §3.6: a platform's header rows
/// are not answers) and a profile of every column.
public struct FileProfile: Sendable {
    public var path: String
    public var delimiter: UInt8
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

    /// - Throws: `PipelineError.input` when the file is missing, unreadable or empty.
    public static func read(path: String) throws(PipelineError) -> FileProfile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .input(file: path, line: nil, message: "cannot read the file")
        }
        let start = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        try? handle.close()
        let delimiter = Guess.delimiter(headerBytes: [UInt8](start))
        var profile: FileProfile?
        var leading: [CSVRecord] = []
        do {
            let stream = try CSVStream(delimiter: delimiter)
            try stream.read(path: path, onBytes: { _ in }) { record in
                guard profile != nil else {
                    leading.append(record.copy())
                    if leading.count == layoutRecords { profile = FileProfile(path: path, delimiter: delimiter, leading: leading) }
                    return
                }
                profile?.add(count: record.count, line: record.line) { record.fields[$0] }
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        if profile == nil, !leading.isEmpty { profile = FileProfile(path: path, delimiter: delimiter, leading: leading) }
        guard let profile else { throw .input(file: path, line: 1, message: "the file is empty: expected a header row") }
        return profile
    }

    /// The layout of the file's first records; those after its header rows are profiled as answers.
    private init(path: String, delimiter: UInt8, leading: [CSVRecord]) {
        let layout = HeaderLayout.detect(leading.map(\.strings), configured: .auto, xlsx: false)
        let area = Guess.areaColumn(layout.names)
        self.path = path
        self.delimiter = delimiter
        self.layout = layout
        columns = layout.names.indices.map {
            ColumnProfile(header: layout.names[$0], limit: $0 == area ? 65_535 : ColumnProfile.maxDistinct)
        }
        for record in leading.dropFirst(layout.headerRows) {
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
