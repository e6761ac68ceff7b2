import CSVParser
import SurveyModel

/// A record that passed every per-row check; its answer codes are in the caller's buffer.
struct ValidRow {
    var area: Int
    var time: SubmissionTime
}

/// The per-row checks of SPEC §7, in their order of precedence.
enum RowValidator {
    enum Outcome {
        case accepted(ValidRow)
        case rejected(RejectReason, column: String?)
    }

    /// `codes` (one per form item) receives the answer codes of an accepted row.
    static func validate(_ record: CSVRecord, header: HeaderMap, form: SurveyForm, areas: AreaCatalog,
                         dates: DatePatterns, cache: inout CellCache<Int?>, codes: inout [UInt8]) -> Outcome {
        record.withFields { fields in
            validate(fields, header: header, form: form, areas: areas, dates: dates, cache: &cache, codes: &codes)
        }
    }

    /// - Parameter tooLongField: the first field the stream cut at `inputs.max_field_bytes`.
    static func validate(_ record: FieldView, header: HeaderMap, form: SurveyForm, areas: AreaCatalog,
                         dates: DatePatterns, cache: inout CellCache<Int?>, codes: inout [UInt8],
                         tooLongField: Int? = nil) -> Outcome {
        guard record.count == header.width else { return .rejected(.fieldCount, column: nil) }
        if let field = tooLongField { return .rejected(.fieldTooLong, column: header.names[field]) }
        if let bad = firstInvalidUTF8Field(record) {
            return .rejected(.encoding, column: header.names[bad])
        }
        if header.status != nil || header.finished != nil, !isResponse(record, header: header) {
            return .rejected(.notAResponse, column: nil)
        }
        if let id = header.id, ValueParser.trimmed(record[id]).isEmpty {
            return .rejected(.missingID, column: form.idColumn)
        }
        guard let time = DateParser.parse(record[header.submittedAt], patterns: dates) else {
            return .rejected(.badDate, column: "submitted_at")
        }
        let area = header.area.map { column in
            cache.value(for: record[column]) { areas.match(String(decoding: $0, as: UTF8.self)) }
        } ?? areas.catchAll
        guard let area else { return .rejected(.unknownArea, column: "area") }
        if let item = header.answers.decode(record, columns: header.items, into: &codes) {
            return .rejected(.invalidValue, column: form.items[item].key)
        }
        return .accepted(ValidRow(area: area, time: time))
    }

    /// Qualtrics' rule (SPEC §3.6): a `Status` naming a preview, test or spam (text or code), or a
    /// `Finished` of `0` / `False`, is not a response.
    static func isResponse(_ record: FieldView, header: HeaderMap) -> Bool {
        if let status = header.status {
            let text = HeaderMap.fold(String(decoding: record[status], as: UTF8.self))
            if ["1", "2", "8", "9", "12", "17"].contains(text)
                || ["preview", "test", "spam"].contains(where: { text.contains($0) }) {
                return false
            }
        }
        if let finished = header.finished {
            let text = HeaderMap.fold(String(decoding: record[finished], as: UTF8.self))
            if text == "0" || text == "false" { return false }
        }
        return true
    }

    /// Index of the first field that is not valid UTF-8, nil when all are.
    static func firstInvalidUTF8Field(_ record: CSVRecord) -> Int? {
        record.withFields(firstInvalidUTF8Field)
    }

    static func firstInvalidUTF8Field(_ record: FieldView) -> Int? {
        UTF8Validation.firstInvalidField(record)
    }
}
