import SurveyModel

/// A record that passed every per-row check.
struct ValidRow {
    var area: Int
    var time: SubmissionTime
    var codes: [UInt8]
}

/// The per-row checks of SPEC §7, in their order of precedence.
enum RowValidator {
    enum Outcome {
        case accepted(ValidRow)
        case rejected(RejectReason, column: String?)
    }

    static func validate(_ record: CSVRecord, header: HeaderMap, form: SurveyForm, areas: AreaCatalog,
                         cache: inout AreaCache) -> Outcome {
        guard record.count == header.width else { return .rejected(.fieldCount, column: nil) }
        if let bad = firstInvalidUTF8Field(record) {
            return .rejected(.encoding, column: bad == header.id ? form.idColumn : nil)
        }
        if ValueParser.trimmed(record[header.id]).isEmpty { return .rejected(.missingID, column: form.idColumn) }
        guard let time = DateParser.parse(record[header.submittedAt]) else {
            return .rejected(.badDate, column: "submitted_at")
        }
        guard let area = cache.match(record[header.area], catalog: areas) else { return .rejected(.unknownArea, column: "area") }
        var codes = [UInt8](repeating: 0, count: form.items.count)
        for (index, item) in form.items.enumerated() {
            guard let code = ValueParser.code(record[header.items[index]], scale: item.scale) else {
                return .rejected(.invalidValue, column: item.key)
            }
            codes[index] = code
        }
        return .accepted(ValidRow(area: area, time: time, codes: codes))
    }

    /// Index of the first field that is not valid UTF-8, nil when all are.
    static func firstInvalidUTF8Field(_ record: CSVRecord) -> Int? {
        if !record.bytes.contains(where: { $0 >= 0x80 }) { return nil }
        for field in 0..<record.count where String(validating: record[field], as: UTF8.self) == nil {
            return field
        }
        return nil
    }
}
