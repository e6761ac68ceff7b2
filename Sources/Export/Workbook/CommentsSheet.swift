import Score
import SurveyModel
import XLSXWriter

/// Example comments, not a dump (SPEC §9.1): per area (and All areas), survey and theme, at
/// most `output.comment_examples` comments of groups large enough to keep their authors
/// anonymous, the ones with the smallest digest (unrelated to input order), each a plain text
/// cell (never a formula), beside the theme's label and the question asked. Every comment is
/// in `<report>.comments.csv`.
struct CommentsSheet {
    let report: ScoreReport
    let config: PipelineConfig

    static let columns = ["Area", "Survey", "Theme", "Question", "Example comment"]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats, summary = report.themes
        try writer.text(0, 0, "Example comments, \(report.wave): up to \(config.output.commentExamples) per area, "
            + "survey and theme, only groups of at least \(config.privacy.minCommentGroupSize) respondents; "
            + "not in answer order. Every comment is in the comments file.", formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, 2, 3, 4])
        writer.cap(3, 40)
        writer.cap(4, 90)
        let labels = Dictionary(uniqueKeysWithValues: zip(summary.names, summary.labels))
        var row = 2
        for group in summary.examples {
            for comment in group.comments {
                try writer.text(row, 0, group.area, group.area == "All areas" ? formats.label : nil)
                try writer.text(row, 1, group.survey.rawValue)
                try writer.text(row, 2, labels[group.theme] ?? group.theme)
                try writer.text(row, 3, question(group.survey), formats.wrapped)
                try writer.text(row, 4, comment, formats.wrapped)
                row += 1
            }
        }
        if row == 2 {
            try writer.text(row, 0, "No examples: no group reached the size needed to show comments"
                + (config.output.commentExamples == 0 ? ", or output.comment_examples is 0." : "."),
                            formats.note, measure: false)
        } else {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
        }
        try writer.finish(freezeRow: 2, freezeCol: 0, wrapColumns: [3, 4])
    }

    /// The comment column's header as configured (`inputs.columns`), or a plain description.
    private func question(_ survey: SurveyKind) -> String {
        config.inputs.renames[survey]?["comment"] ?? "Free-text comment (\(survey.rawValue) survey)"
    }
}
