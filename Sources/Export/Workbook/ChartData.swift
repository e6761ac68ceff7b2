import XLSXWriter

/// One cell of a chart's helper data: a label, a number, or nothing (a gap in a line).
enum ChartCell {
    case text(String)
    case number(Double)
    case blank
}

/// The hidden last sheet that holds what the native charts plot (figures that are
/// shown, labels, threshold lines), so none of it prints under a chart. Blocks are
/// stacked top to bottom, each with a title and a header row.
final class ChartData {
    let writer: SheetWriter
    private var nextRow = 0

    init(_ writer: SheetWriter) {
        self.writer = writer
        writer.sheet.hide()
    }

    var sheet: String { writer.name }

    /// Writes a block of `rows` under `title` and `header`; returns the row of its first data row.
    func block(_ title: String, header: [String], rows: [[ChartCell]]) throws(XLSXError) -> Int {
        try writer.text(nextRow, 0, title, writer.formats.section, measure: false)
        try writer.header(nextRow + 1, 0, header)
        let first = nextRow + 2
        for (offset, cells) in rows.enumerated() {
            for (col, cell) in cells.enumerated() {
                switch cell {
                case .text(let text): try writer.text(first + offset, col, text)
                case .number(let value): try writer.number(first + offset, col, value, writer.formats.score)
                case .blank: break
                }
            }
        }
        nextRow = first + rows.count + 1
        return first
    }

    func finish() throws(XLSXError) {
        try writer.finish(freezeRow: 0)
    }
}
