import Score
import SurveyModel
import XLSXWriter

/// Example comments, not a dump (SPEC §9.1): per area (and All areas), survey and theme, at
/// most `output.comment_examples` comments of groups large enough to keep their authors
/// anonymous, the ones with the smallest digest (unrelated to input order), each a plain text
/// cell (never a formula), beside the theme's label and, when the config names the comment
/// column (its question text, `inputs.columns`), the question asked. Every comment is in
/// `<report>.comments.csv`. A comment keeps its line breaks; its row is as tall as they need.
struct CommentsSheet {
    let report: ScoreReport
    let config: PipelineConfig

    /// The columns; "Question" only when some survey's comment column has a question text.
    func columns() -> [String] {
        let questions = summary.examples.contains { question($0.survey) != nil }
        return ["Area", "Survey", "Theme"] + (questions ? ["Question"] : []) + ["Example comment"]
    }

    private var summary: ThemeSummary { report.themes }

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats, columns = columns()
        let commentColumn = columns.count - 1, withQuestion = columns.count == 5
        try writer.text(0, 0, "Example comments, \(report.wave): up to \(config.output.commentExamples) per area, "
            + "survey and theme, only groups of at least \(config.privacy.minCommentGroupSize) respondents; "
            + "not in answer order. Every comment is in the comments file.", formats.section, measure: false)
        try writer.header(1, 0, columns, textColumns: Set(columns.indices))
        if withQuestion { writer.cap(3, 40) }
        writer.cap(commentColumn, 90)
        let labels = Dictionary(uniqueKeysWithValues: zip(summary.names, summary.labels))
        var row = 2
        for group in summary.examples {
            for comment in group.comments {
                try writer.text(row, 0, group.area, group.area == "All areas" ? formats.label : nil)
                try writer.text(row, 1, group.survey.rawValue)
                try writer.text(row, 2, labels[group.theme] ?? group.theme)
                if withQuestion { try writer.text(row, 3, question(group.survey) ?? "", formats.wrapped) }
                try writer.text(row, commentColumn, comment, formats.wrapped)
                row += 1
            }
        }
        if row == 2 {
            try writer.text(row, 0, "No examples: no group reached the size needed to show comments"
                + (config.output.commentExamples == 0 ? ", or output.comment_examples is 0." : "."),
                            formats.note, measure: false)
        } else {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, commentColumn))
        }
        try writer.finish(freezeRow: 2, freezeCol: 0, wrapColumns: withQuestion ? [3, 4] : [commentColumn])
    }

    /// The comment column's header as configured (`inputs.columns`): the file's name or question text.
    private func question(_ survey: SurveyKind) -> String? {
        config.inputs.renames[survey]?["comment"]
    }
}
