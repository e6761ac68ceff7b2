import Foundation
import Jobs
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

    /// Sorts each group's comments as a task of its own, on at most `jobs` threads.
    static func build(_ sources: [Source], config: PipelineConfig, jobs: Int) -> [CommentGroup] {
        let shown = config.areas.indices.flatMap { index in
            sources.filter { $0.respondents[index] >= config.privacy.minCommentGroupSize }.map { (area: index, source: $0) }
        }
        let groups = ResultSlots<CommentGroup>(count: shown.count)
        TaskPool.run(jobs: jobs, tasks: shown.count) { _, task in
            let (area, source) = shown[task]
            guard let texts = sorted(source.outputs, area: area) else { return }
            groups.set(task, CommentGroup(area: config.areas[area].name, survey: source.kind, comments: texts))
        }
        return groups.values.compactMap { $0 }
    }

    /// The comments of one area, in byte order; nil when there are none.
    private static func sorted(_ outputs: [ChunkOutput], area: Int) -> CommentTexts? {
        var places: [UInt64] = []
        for (number, output) in outputs.enumerated() {
            for row in output.commentAreas.indices where output.commentAreas[row] == area {
                places.append(UInt64(number) << 32 | UInt64(row))
            }
        }
        guard !places.isEmpty else { return nil }
        // Sort on a flat copy of this group's texts with memcmp (byte order, as
        // lexicographicallyPrecedes on UInt8), then keep only the order: the copy lives
        // for one group on one worker at a time.
        var flat: [UInt8] = [], starts: [Int] = [], lengths: [Int] = []
        for place in places {
            let text = outputs[Int(place >> 32)].comments[Int(place & 0xFFFF_FFFF)]
            starts.append(flat.count)
            lengths.append(text.count)
            flat.append(contentsOf: text)
        }
        var order = Array(places.indices)
        flat.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            order.sort { a, b in
                let order = memcmp(base + starts[a], base + starts[b], min(lengths[a], lengths[b]))
                return order < 0 || (order == 0 && lengths[a] < lengths[b])
            }
        }
        places = order.map { places[$0] }
        return CommentTexts(columns: outputs.map(\.comments), places: places)
    }
}
