import Score

/// The rows of the JSON `themes` (SPEC §8.1): one per area (and All areas), survey and theme.
extension ResultsJSON {
    static func themes(_ summary: ThemeSummary) -> JSONOutput {
        .array(summary.counts.map { row in
            .object([("area", .string(row.area)), ("survey", .string(row.survey.rawValue)),
                     ("theme", .string(row.theme)), ("comments", row.comments.map { .integer($0) } ?? .null),
                     ("share", .number(row.share)), ("suppressed", .bool(row.suppressed))])
        })
    }
}
