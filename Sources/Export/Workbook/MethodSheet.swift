import Score
import SurveyModel
import XLSXWriter

/// How every figure is computed, what "hidden" means, how reliable the
/// questionnaire is (psychometrics), and the facts of the run (inputs with
/// their SHA-256, config digest, tool version).
struct MethodSheet {
    let report: ScoreReport
    let metadata: RunMetadata
    let config: PipelineConfig

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Method: how to read this workbook", formats.title, measure: false)
        try writer.header(1, 0, ["Topic", "In plain words"], textColumns: [0, 1])
        var row = 2
        for (topic, text) in MethodText(config: config).topics {
            try writer.text(row, 0, topic, formats.labelWrapped)
            try writer.text(row, 1, text, formats.wrapped)
            row += 1
        }
        row = try writePsychometrics(writer, from: row + 1)
        try writeRunFacts(writer, from: row + 1)
        writer.cap(0, 34)
        writer.cap(1, 90)
        // Only the title repeats on later pages: they hold psychometrics and run facts, not topics.
        try writer.finish(freezeRow: 2, freezeCol: 0, wrapColumns: [1], repeatRows: 0...0)
    }

    /// Item reliability per construct; returns the next free row.
    private func writePsychometrics(_ writer: SheetWriter, from start: Int) throws(XLSXError) -> Int {
        let formats = writer.formats
        try writer.text(start, 0, "Psychometrics (All areas, \(report.wave))", formats.section, measure: false)
        try writer.text(start + 1, 0, "Reading guide: alpha ≥ 0.7 is acceptable; an item whose removal raises alpha "
            + "deserves a look. r_drop: how well the item agrees with the rest of its construct.", formats.note,
            measure: false)
        try writer.header(start + 2, 0, ["Construct", "Question", "Item", "r_drop", "Alpha if dropped", "Construct alpha"],
                             textColumns: [0, 1, 2])
        let total = report.areas.first { $0.isTotal }
        var row = start + 3
        let first = row
        for (construct, items) in report.psychometrics {
            let label = config.instrument.constructs.first { $0.name == construct }?.label ?? construct
            let alpha = total?.construct(construct)
            for item in items {
                try writer.text(row, 0, label)
                try writer.text(row, 1, config.instrument.item(item.item)?.text ?? item.item, formats.wrapped)
                try writer.text(row, 2, item.item)
                try writer.number(row, 3, item.rDrop, formats.correlation)
                try writer.number(row, 4, item.alphaIfDropped, formats.correlation)
                if let alpha {
                    try writer.figure(row, 5, Figure(alpha.alpha, suppressed: alpha.suppressed), formats.correlation)
                }
                row += 1
            }
        }
        if row == first {
            try writer.text(row, 0, "No construct had enough complete answers.", formats.note, measure: false)
            row += 1
        } else {
            try ConditionalRules.formulaRule(writer, range: CellRange(first, 4, row - 1, 4),
                                             formula: "AND(ISNUMBER($E\(first + 1)),ISNUMBER($F\(first + 1)),"
                                                 + "$E\(first + 1)>$F\(first + 1))",
                                             format: formats.bandMiddle)
        }
        return row
    }

    private func writeRunFacts(_ writer: SheetWriter, from start: Int) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(start, 0, "Run facts", formats.section, measure: false)
        let window = metadata.dataWindow.map { "\($0.first) to \($0.last)" } ?? "not known"
        let facts = [
            ("Report", metadata.reportName), ("Report wave", report.wave),
            ("Waves", report.waves.joined(separator: ", ")), ("Data window", window),
            ("Config SHA-256", metadata.configSHA256), ("Tool version", metadata.toolVersion),
        ]
        var row = start + 1
        for (label, value) in facts {
            try writer.text(row, 0, label, formats.label)
            try writer.text(row, 1, value)
            row += 1
        }
        row += 1
        try writer.header(row, 0, ["Input file", "SHA-256", "Survey", "Rows read", "Accepted", "Rejected"],
                             textColumns: [0, 1, 2])
        row += 1
        for input in metadata.inputs {
            try writer.text(row, 0, input.path)
            try writer.text(row, 1, input.sha256)
            try writer.text(row, 2, input.kind.rawValue)
            try writer.count(row, 3, input.rowsRead)
            try writer.count(row, 4, input.accepted)
            try writer.count(row, 5, input.rejected)
            row += 1
        }
    }
}
