import SurveyModel

/// The verbatims of the report wave (SPEC §9): only for areas whose survey
/// reached `min_comment_group_size` respondents, sorted by their UTF-8 bytes
/// (code-point order), so the order says nothing about who wrote what.
enum Comments {
    /// One survey's part: the report wave's comments as the chunks collected them,
    /// and the respondents of each area in the report wave.
    struct Source {
        var kind: SurveyKind
        var outputs: [ChunkOutput]
        var respondents: [Int]
    }

    static func build(_ sources: [Source], config: PipelineConfig) -> [CommentGroup] {
        var groups: [CommentGroup] = []
        for (index, area) in config.areas.enumerated() {
            for source in sources where source.respondents[index] >= config.privacy.minCommentGroupSize {
                var texts: [ArraySlice<UInt8>] = []
                for output in source.outputs {
                    for row in output.commentAreas.indices where output.commentAreas[row] == index {
                        texts.append(output.comments[row])
                    }
                }
                guard !texts.isEmpty else { continue }
                texts.sort { $0.lexicographicallyPrecedes($1) }
                groups.append(CommentGroup(area: area.name, survey: source.kind,
                                           comments: texts.map { String(decoding: $0, as: UTF8.self) }))
            }
        }
        return groups
    }
}
