import SurveyModel

/// The verbatims of the report wave (SPEC §9): only for areas whose survey
/// reached `min_comment_group_size` respondents, sorted by text so the order
/// says nothing about who wrote what.
enum Comments {
    static func build(employee: ResponseTable, customer: ResponseTable, wave: Int32,
                      config: PipelineConfig) -> [CommentGroup] {
        var groups: [CommentGroup] = []
        let perTable = [employee, customer].map { table in
            var respondents = [Int](repeating: 0, count: config.areas.count)
            var texts = [[String]](repeating: [], count: config.areas.count)
            for row in 0..<table.count where table.wave[row] == wave {
                let area = Int(table.area[row])
                respondents[area] += 1
                if !table.comments[row].isEmpty { texts[area].append(table.comments.string(row)) }
            }
            return (kind: table.kind, respondents: respondents, texts: texts)
        }
        for (index, area) in config.areas.enumerated() {
            for table in perTable where table.respondents[index] >= config.privacy.minCommentGroupSize
                && !table.texts[index].isEmpty {
                groups.append(CommentGroup(area: area.name, survey: table.kind, comments: table.texts[index].sorted()))
            }
        }
        return groups
    }
}
