import Foundation
import SurveyModel

/// How one file lays out its header (SPEC §3.6): the format it is read in (`auto`
/// resolved), how many leading records are header rows, and for every column the
/// name it is found by and, where the format has one, its question text.
public struct HeaderLayout: Sendable, Hashable {
    /// Never `auto`.
    public var format: InputFormat
    /// Leading records that are header, not data: skipped and counted as `header_rows`.
    public var headerRows: Int
    /// Per column: its header name (the composed name for `surveymonkey`).
    public var names: [String]
    /// Per column: its question text (row 2 of `qualtrics`), when the format has one.
    public var texts: [String?]

    public init(format: InputFormat, headerRows: Int, names: [String], texts: [String?]) {
        self.format = format
        self.headerRows = headerRows
        self.names = names
        self.texts = texts
    }

    /// The layout of a file whose first records (at most three) are `records`.
    /// - Parameters:
    ///   - configured: `inputs.format` for the file's survey kind.
    ///   - xlsx: whether the file is an `.xlsx` workbook (only those can be `microsoft_forms` under `auto`).
    public static func detect(_ records: [[String]], configured: InputFormat, xlsx: Bool) -> HeaderLayout {
        let format = configured == .auto ? autoFormat(records, xlsx: xlsx) : configured
        let first = records.first ?? []
        switch format {
        case .qualtrics:
            let second = padded(records.count > 1 ? records[1] : [], to: first.count).prefix(first.count)
            let legacy = startsLikeLegacyQualtrics(first)
            let rows = legacy || records.count < 3 || !isImportIDRow(records[2]) ? 2 : 3
            return HeaderLayout(format: .qualtrics, headerRows: min(rows, max(records.count, 1)),
                                names: first, texts: second.map { Optional($0) })
        case .surveymonkey:
            return HeaderLayout(format: .surveymonkey, headerRows: min(2, max(records.count, 1)),
                                names: composedNames(first, options: records.count > 1 ? records[1] : []),
                                texts: Array(repeating: nil, count: first.count))
        case .auto, .plain, .googleForms, .microsoftForms:
            return HeaderLayout(format: format, headerRows: 1, names: first,
                                texts: Array(repeating: nil, count: first.count))
        }
    }

    /// The `auto` rules of SPEC §3.6, in their order.
    static func autoFormat(_ records: [[String]], xlsx: Bool) -> InputFormat {
        let first = records.first ?? []
        let folded = first.map(HeaderMap.fold)
        if xlsx, folded.starts(with: ["id", "start time", "completion time"]) { return .microsoftForms }
        if records.count > 2, isImportIDRow(records[2]) { return .qualtrics }
        if startsLikeLegacyQualtrics(first) { return .qualtrics }
        if folded.contains("respondent id"), folded.contains("collector id"), records.count > 1,
           records[1].contains(where: { HeaderMap.fold($0) == "response" }) {
            return .surveymonkey
        }
        if folded.first == "timestamp" { return .googleForms }
        return .plain
    }

    /// A record with a non-empty cell whose non-empty cells all begin `{"ImportId"` or `{'ImportId'`.
    static func isImportIDRow(_ record: [String]) -> Bool {
        let cells = record.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") }
    }

    /// Legacy Qualtrics exports number their columns `V1`, `V2`, `V3`, … in the first row.
    static func startsLikeLegacyQualtrics(_ first: [String]) -> Bool {
        first.map(HeaderMap.fold).starts(with: ["v1", "v2", "v3"])
    }

    /// SurveyMonkey's column names: the question text (a blank cell repeats the one to its left),
    /// plus ` - ` and the answer-option text unless that is empty, `Response` or `Open-Ended Response`.
    static func composedNames(_ questions: [String], options: [String]) -> [String] {
        var current = ""
        return questions.indices.map { index in
            let question = questions[index].trimmingCharacters(in: .whitespaces)
            if !question.isEmpty { current = question }
            let option = index < options.count ? options[index].trimmingCharacters(in: .whitespaces) : ""
            let folded = HeaderMap.fold(option)
            if folded.isEmpty || folded == "response" || folded == "open-ended response" { return current }
            return current + " - " + option
        }
    }

    private static func padded(_ record: [String], to count: Int) -> [String] {
        record.count >= count ? record : record + Array(repeating: "", count: count - record.count)
    }
}
