import Score
import SurveyModel
import XLSXWriter

/// Verbatim comments of groups large enough to keep their authors anonymous,
/// each one a plain text cell (never a formula), in the order the scorer gave.
/// The sheet is streamed (a big survey has a comment per respondent), so it is
/// written strictly row by row, each row's height set before its cells.
struct CommentsSheet {
    let report: ScoreReport

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Comments, \(report.wave): only groups with enough respondents; not in answer order",
                        formats.section, measure: false)
        try writer.header(1, 0, ["Area", "Survey", "Comment"], textColumns: [0, 1, 2])
        writer.cap(2, 100)
        // Characters per comment, counted once: they size the column, then each row.
        let lengths = report.comments.map { $0.comments.map(\.count) }
        for (group, counts) in zip(report.comments, lengths) {
            writer.presize(0, for: [group.area])
            writer.presize(1, for: [group.survey.rawValue])
            writer.presize(2, lengths: counts)
        }
        var row = 2
        for (group, counts) in zip(report.comments, lengths) {
            for (comment, length) in zip(group.comments, counts) {
                // A comment with line breaks needs at least a line per break, however short.
                let breaks = comment.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                let lines = max(writer.lines(length: length, col: 2), breaks + 1)
                if lines > 1 { try writer.sheet.rowHeight(row, Double(lines) * SheetWriter.lineHeight) }
                try writer.text(row, 0, group.area, nil, measure: false)
                try writer.text(row, 1, group.survey.rawValue, nil, measure: false)
                try writer.text(row, 2, comment, formats.wrapped, measure: false)
                row += 1
            }
        }
        if row == 2 {
            try writer.text(row, 0, "No group reached the size needed to show comments.", formats.note, measure: false)
        } else {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, 2))
        }
        try writer.finish(freezeRow: 2, freezeCol: 0, wrapColumns: [2])
    }
}
