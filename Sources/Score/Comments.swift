import SurveyModel

/// The verbatims of the report wave (SPEC §9): only for areas whose survey
/// reached `min_comment_group_size` respondents, sorted by their UTF-8 bytes
/// (code-point order), so the order says nothing about who wrote what.
enum Comments {
    static func build(employee: ResponseTable, customer: ResponseTable, wave: Int32,
                      config: PipelineConfig) -> [CommentGroup] {
        var groups: [CommentGroup] = []
        let perTable = [employee, customer].map { table in
            var respondents = [Int](repeating: 0, count: config.areas.count)
            var rows = [[Int]](repeating: [], count: config.areas.count)
            for row in 0..<table.count where table.wave[row] == wave {
                let area = Int(table.area[row])
                respondents[area] += 1
                if !table.comments[row].isEmpty { rows[area].append(row) }
            }
            return (table: table, respondents: respondents, rows: rows)
        }
        for (index, area) in config.areas.enumerated() {
            for part in perTable where part.respondents[index] >= config.privacy.minCommentGroupSize
                && !part.rows[index].isEmpty {
                let comments = part.table.comments
                let sorted = part.rows[index].sorted { comments[$0].lexicographicallyPrecedes(comments[$1]) }
                groups.append(CommentGroup(area: area.name, survey: part.table.kind, comments: sorted.map(comments.string)))
            }
        }
        return groups
    }
}
