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
/// every value present): its delimiter, header and a profile of every column.
public struct FileProfile: Sendable {
    public var path: String
    public var delimiter: UInt8
    public var header: [String]
    public var columns: [ColumnProfile]
    public var rows = 0
    /// Records whose field count differs from the header's (run rejects them as `field_count`).
    public var shortOrLongRows = 0

    /// - Throws: `PipelineError.input` when the file is missing, unreadable or empty.
    public static func read(path: String) throws(PipelineError) -> FileProfile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .input(file: path, line: nil, message: "cannot read the file")
        }
        let start = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        try? handle.close()
        let delimiter = Guess.delimiter(headerBytes: [UInt8](start))
        var profile: FileProfile?
        do {
            let stream = try CSVStream(delimiter: delimiter)
            try stream.read(path: path, onBytes: { _ in }) { record in
                guard profile != nil else {
                    let header = record.strings
                    let area = Guess.areaColumn(header)
                    profile = FileProfile(path: path, delimiter: delimiter, header: header,
                                          columns: header.indices.map {
                                              ColumnProfile(header: header[$0], limit: $0 == area ? 65_535 : ColumnProfile.maxDistinct)
                                          })
                    return
                }
                profile?.add(record)
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        guard let profile else { throw .input(file: path, line: 1, message: "the file is empty: expected a header row") }
        return profile
    }

    private mutating func add(_ record: BorrowedRecord) {
        rows += 1
        guard record.count == header.count else {
            shortOrLongRows += 1
            return
        }
        for index in columns.indices { columns[index].add(record.fields[index], line: record.line) }
    }
}
