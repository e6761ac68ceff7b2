import CSVParser
import SurveyModel

/// A record that passed every per-row check; its answer codes are in the caller's buffer.
struct ValidRow {
    var area: Int
    var time: SubmissionTime
}

/// The per-row checks of SPEC §7, in their order of precedence.
public enum RowValidator {
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
        nonResponseField(header: header) { String(decoding: record[$0], as: UTF8.self) } == nil
    }

    /// The field that makes a row a preview, test, spam or unfinished one (SPEC §3.6 `not_a_response`),
    /// nil for a response; `text` gives a field's text by index (`validate` names it in its examples).
    public static func nonResponseField(header: HeaderMap, _ text: (Int) -> String) -> Int? {
        if let status = header.status {
            let folded = HeaderMap.fold(text(status))
            if ["1", "2", "8", "9", "12", "17"].contains(folded)
                || ["preview", "test", "spam"].contains(where: { folded.contains($0) }) {
                return status
            }
        }
        if let finished = header.finished {
            let folded = HeaderMap.fold(text(finished))
            if folded == "0" || folded == "false" { return finished }
        }
        return nil
    }

    /// Index of the first field that is not valid UTF-8, nil when all are.
    static func firstInvalidUTF8Field(_ record: CSVRecord) -> Int? {
        record.withFields(firstInvalidUTF8Field)
    }

    static func firstInvalidUTF8Field(_ record: FieldView) -> Int? {
        UTF8Validation.firstInvalidField(record)
    }
}
