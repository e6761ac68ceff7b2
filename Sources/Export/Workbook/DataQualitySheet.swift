import Score
import SurveyModel
import XLSXWriter

/// Per input file: rows read, accepted and rejected by reason (in plain words),
/// the share rejected against the quality gate, columns the instrument does not
/// use, and a check that every row is accounted for.
struct DataQualitySheet {
    let metadata: RunMetadata
    /// `quality_gate.max_reject_fraction`.
    let gate: Double

    /// The column title of each reject reason (the rejects CSV keeps the code names).
    static func label(_ reason: RejectReason) -> String {
        switch reason {
        case .fieldCount: "Wrong number of fields"
        case .fieldTooLong: "Field too long"
        case .encoding: "Unreadable characters"
        case .notAResponse: "Not a response (preview, test, spam)"
        case .missingID: "No respondent id"
        case .badDate: "Date unreadable"
        case .unknownArea: "Area not configured"
        case .invalidValue: "Answer out of range"
        case .duplicate: "Duplicate response"
        }
    }

    static let reconciliation = "read = accepted + rejected"

    /// The reasons shown, in §7 order: `not_a_response` only when an input was read in a format
    /// that has that rule (SPEC §3.6), since no other file can have such rows.
    var reasons: [RejectReason] {
        let platform = metadata.inputs.contains { $0.format.dropsNonResponses }
        return RejectReason.allCases.filter { $0 != .notAResponse || platform }
    }

    var columns: [String] {
        ["File", "Survey", "Rows read", "Accepted", "Rejected"] + reasons.map(Self.label)
            + ["Unknown columns", Self.reconciliation]
    }

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        let reasons = reasons
        let checkCol = columns.count - 1
        try writer.text(0, 0, "Data quality: every input row is accepted or rejected with a reason; rejected rows "
            + "are listed in \(metadata.reportName).rejects.csv", formats.section, measure: false)
        try writer.header(1, 0, columns, textColumns: [0, 1, 5 + reasons.count])
        var row = 2
        for input in metadata.inputs {
            try writer.text(row, 0, input.path)
            try writer.text(row, 1, input.kind.rawValue)
            try writeCounts(writer, row: row, read: input.rowsRead, accepted: input.accepted,
                            byReason: reasons.map { input.rejectedByReason[$0] ?? 0 })
            try writer.text(row, 5 + reasons.count, input.unknownColumns.isEmpty ? nil
                : input.unknownColumns.joined(separator: ", "))
            row += 1
        }
        try writer.text(row, 0, "Total", formats.label)
        try writeCounts(writer, row: row,
                        read: metadata.inputs.reduce(0) { $0 + $1.rowsRead },
                        accepted: metadata.inputs.reduce(0) { $0 + $1.accepted },
                        byReason: metadata.rejectedByReason.filter { reasons.contains($0.reason) }.map(\.count))
        try writer.sheet.autofilter(CellRange(1, 0, row, checkCol))
        try ConditionalRules.formulaRule(writer, range: CellRange(2, checkCol, row, checkCol),
                                         formula: "$\(CellRange.columnLetters(checkCol))3=FALSE",
                                         format: formats.bandLow)
        try writer.text(row + 2, 0, gateSentence(), formats.plain, measure: false)
        try writer.text(row + 3, 0, "The last column is checked by the pipeline: rows read equals accepted rows plus "
            + "the rejected rows counted by reason (TRUE = nothing lost).", formats.note, measure: false)
        for (offset, (path, hint)) in metadata.inputs.compactMap({ input in input.encodingHint.map { (input.path, $0) } })
            .enumerated() {
            try writer.text(row + 4 + offset, 0, "\(path): \(hint).", formats.note, measure: false)
        }
        writer.cap(0, 50)
        writer.cap(5 + reasons.count, 40)
        try writer.finish(freezeRow: 2, freezeCol: 1, wrapColumns: [5 + reasons.count])
    }

    /// "2.5% of rows were rejected; the quality gate allows at most 5%: within the gate." Previews and
    /// tests of a survey platform count on neither side, as in the gate itself (SPEC §8).
    func gateSentence() -> String {
        let previews = metadata.inputs.reduce(0) { $0 + ($1.rejectedByReason[.notAResponse] ?? 0) }
        let read = metadata.inputs.reduce(0) { $0 + $1.rowsRead } - previews
        let rejected = metadata.inputs.reduce(0) { $0 + $1.rejected } - previews
        let share = read == 0 ? 0 : Double(rejected) / Double(read)
        let verdict = share <= gate ? "within the gate" : "over the gate: the workbook should not have been published"
        return "\(Self.percent(share)) of rows were rejected (\(rejected) of \(read)); the quality gate allows at "
            + "most \(Self.percent(gate)): \(verdict)."
    }

    /// A share as a percent with one decimal ("2.5%"), never "-0.0%".
    static func percent(_ share: Double) -> String {
        let text = TrendsSheet.oneDecimal(share * 100)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "%"
    }

    private func writeCounts(_ writer: SheetWriter, row: Int, read: Int, accepted: Int,
                             byReason: [Int]) throws(XLSXError) {
        let rejected = byReason.reduce(0, +)
        try writer.count(row, 2, read)
        try writer.count(row, 3, accepted)
        try writer.count(row, 4, read - accepted)
        for (offset, count) in byReason.enumerated() {
            try writer.count(row, 5 + offset, count)
        }
        try writer.boolean(row, columns.count - 1, read == accepted + rejected)
    }
}
