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
/// every value present): its encoding, delimiter, format and header rows (SPEC §3.6, detected on the
/// first three records as `run` does), header names and question texts, and a profile of every column.
public struct FileProfile: Sendable {
    public var path: String
    /// What the file is read as: a UTF-16 byte-order mark decides, else UTF-8 unless cells are not
    /// valid UTF-8 and none holds UTF-8 beyond ASCII, then Windows-1252 (Excel's "CSV" on Windows).
    public var encoding: SourceEncoding
    public var delimiter: UInt8
    /// The platform layout (never `auto`) and its header rows.
    public var layout: HeaderLayout
    public var header: [String] { layout.names }
    public var columns: [ColumnProfile]
    public var rows = 0
    /// Records whose field count differs from the header's (run rejects them as `field_count`).
    public var shortOrLongRows = 0
    /// Records with a cell that is not valid UTF-8 (header rows included).
    public var invalidUTF8Rows = 0
    /// Whether a cell is valid UTF-8 beyond ASCII (then invalid rows are damage, not Windows-1252).
    var validNonASCII = false

    /// - Throws: `PipelineError.input` when the file is missing, unreadable, empty, or UTF-16 without a byte-order mark.
    public static func read(path: String) throws(PipelineError) -> FileProfile {
        let prefix = try EncodingDetector.prefix(of: path)
        let encoding = try EncodingDetector.resolve(.auto, prefix: prefix, path: path)
        let profile = try read(path: path, prefix: prefix, encoding: encoding)
        guard encoding == .utf8, profile.invalidUTF8Rows > 0, !profile.validNonASCII else { return profile }
        return try read(path: path, prefix: prefix, encoding: .windows1252)
    }

    private static func read(path: String, prefix: [UInt8],
                             encoding: SourceEncoding) throws(PipelineError) -> FileProfile {
        let delimiter = EncodingDetector.delimiter(prefix: prefix, encoding: encoding)
        var leading: [(line: Int, fields: [[UInt8]])] = []
        var profile: FileProfile?
        do {
            let stream = try CSVStream(delimiter: delimiter, encoding: encoding)
            try stream.read(path: path, onBytes: { _ in }) { record in
                guard profile != nil else {
                    leading.append((record.line, (0..<record.count).map { Array(record.fields[$0]) }))
                    if leading.count == 3 {
                        profile = FileProfile(path: path, encoding: encoding, delimiter: delimiter, leading: leading)
                    }
                    return
                }
                profile?.add((0..<record.count).map { record.fields[$0] }, line: record.line)
            }
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error.message)")
        }
        if profile == nil, !leading.isEmpty {
            profile = FileProfile(path: path, encoding: encoding, delimiter: delimiter, leading: leading)
        }
        guard let profile else { throw .input(file: path, line: 1, message: "the file is empty: expected a header row") }
        return profile
    }

    /// The profile once the first (up to three) records are known: the layout from them, then
    /// their data rows.
    private init(path: String, encoding: SourceEncoding, delimiter: UInt8, leading: [(line: Int, fields: [[UInt8]])]) {
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        layout = HeaderLayout.detect(leading.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } },
                                     configured: .auto, xlsx: false)
        let names = layout.names, area = Guess.areaColumn(names, texts: layout.texts)
        columns = names.indices.map {
            ColumnProfile(header: names[$0], limit: $0 == area ? 65_535 : ColumnProfile.maxDistinct)
        }
        for (index, record) in leading.enumerated() {
            if index < layout.headerRows {
                checkUTF8(record.fields)
            } else {
                add(record.fields, line: record.line)
            }
        }
    }

    private mutating func checkUTF8<Cell: ValueParser.Bytes>(_ fields: [Cell]) {
        var invalid = false
        for cell in fields where cell.contains(where: { $0 >= 0x80 }) {
            if String(validating: cell, as: UTF8.self) == nil { invalid = true } else { validNonASCII = true }
        }
        if invalid { invalidUTF8Rows += 1 }
    }

    private mutating func add<Cell: ValueParser.Bytes>(_ fields: [Cell], line: Int) {
        rows += 1
        checkUTF8(fields)
        guard fields.count == header.count else {
            shortOrLongRows += 1
            return
        }
        for index in columns.indices { columns[index].add(fields[index], line: line) }
    }
}
