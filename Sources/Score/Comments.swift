import SurveyModel

/// The verbatims of the report wave (SPEC §9): only for areas whose survey
/// reached `min_comment_group_size` respondents, sorted by text so the order
/// says nothing about who wrote what.
enum Comments {
    static func build(employee: ResponseTable, customer: ResponseTable, wave: Int32,
                      config: PipelineConfig) -> [CommentGroup] {
        var groups: [CommentGroup] = []
        for (index, area) in config.areas.enumerated() {
            for table in [employee, customer] {
                var respondents = 0
                var texts: [String] = []
                for row in 0..<table.count where table.wave[row] == wave && Int(table.area[row]) == index {
                    respondents += 1
                    if !table.comments[row].isEmpty { texts.append(table.comments.string(row)) }
                }
                guard respondents >= config.privacy.minCommentGroupSize, !texts.isEmpty else { continue }
                groups.append(CommentGroup(area: area.name, survey: table.kind, comments: texts.sorted()))
            }
        }
        return groups
    }
}
