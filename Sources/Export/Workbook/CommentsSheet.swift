import Score
import SurveyModel

/// Verbatim comments of groups large enough to keep their authors anonymous,
/// each one a plain text cell (never a formula), in the order the scorer gave.
/// The sheet is streamed (a big survey has a comment per respondent), so it is
/// written strictly row by row, each row's height set before its cells.
struct CommentsSheet {
    let report: ScoreReport

    func write(_ writer: SheetWriter) throws(PipelineError) {
        let formats = writer.formats
        try writer.text(0, 0, "Comments, \(report.wave): only groups with enough respondents; not in answer order",
                        formats.section, measure: false)
        try writer.header(1, 0, ["Area", "Survey", "Comment"], textColumns: [0, 1, 2])
        writer.cap(2, 100)
        for group in report.comments { writer.presize(2, for: group.comments) }
        var row = 2
        for group in report.comments {
            for comment in group.comments {
                let lines = writer.lines(comment, col: 2)
                if lines > 1 { try writer.sheet.rowHeight(row, Double(lines) * SheetWriter.lineHeight) }
                try writer.text(row, 0, group.area)
                try writer.text(row, 1, group.survey.rawValue)
                try writer.text(row, 2, comment, formats.wrapped)
                row += 1
            }
        }
        if row == 2 {
            try writer.text(row, 0, "No group reached the size needed to show comments.", formats.note, measure: false)
        } else {
            try writer.sheet.autofilter(1, 0, row - 1, 2)
        }
        try writer.finish(freezeRow: 2, freezeCol: 0, wrapColumns: [2])
    }
}
