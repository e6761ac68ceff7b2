import Score
import SurveyModel
import XLSXWriter

/// What people wrote about, as a heat map (SPEC §9.1, §10): per survey, one row per area
/// and All areas, one column per theme (`other` last) holding the share of the group's
/// comments that name it, hidden groups marked; beside each table a chart of All areas'
/// shares (plotted from the hidden chart-data sheet, like every chart of the workbook). A comment
/// can name several themes, so a row's shares may add up to more than 100.
struct ThemesSheet {
    let report: ScoreReport
    let config: PipelineConfig
    let workbook: XLSXWorkbook
    let data: ChartData

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats, summary = report.themes
        try writer.text(0, 0, "Comment themes, \(report.wave): % of each group's comments that name the theme "
            + "(a comment can name several); groups of fewer than \(config.privacy.minCommentGroupSize) "
            + "respondents are hidden", formats.section, measure: false)
        var row = 2
        var charts: [(shares: [Double?], survey: SurveyKind)] = []
        for survey in SurveyKind.allCases {
            let rows = summary.counts.filter { $0.survey == survey }
            guard !rows.isEmpty else { continue }
            try writer.text(row, 0, "\(survey.rawValue.capitalized) survey", formats.label, measure: false)
            try writer.header(row + 1, 0, ["Area", "Comments"] + summary.labels, textColumns: [0])
            let first = row + 2
            row = first
            var totalShares: [Double?]?
            for start in stride(from: 0, to: rows.count, by: summary.names.count) {
                let group = rows[start..<min(start + summary.names.count, rows.count)]
                guard let head = group.first else { continue }
                let isTotal = start + summary.names.count >= rows.count
                try writer.text(row, 0, head.area, isTotal ? formats.label : nil)
                try writer.figure(row, 1, Figure(head.groupComments.map(Double.init), suppressed: head.suppressed),
                                  formats.count)
                for (offset, theme) in group.enumerated() {
                    try writer.figure(row, 2 + offset, Figure(theme.share, suppressed: theme.suppressed), formats.score)
                }
                if isTotal && !head.suppressed && head.groupComments ?? 0 > 0 { totalShares = group.map(\.share) }
                row += 1
            }
            // The themes are coloured, `other` (the last column) is not: it names no waste.
            try ConditionalRules.colorScale(writer, range: CellRange(first, 2, row - 1, summary.names.count),
                                            low: 0, mid: 15, high: 40, colors: (0xFFFFFF, 0xFFEB84, 0xF8696B))
            if let totalShares { charts.append((totalShares, survey)) }
            row += 1
        }
        if row == 2 {
            try writer.text(row, 0, "No comments were read: no survey had respondents in the report wave.",
                            formats.note, measure: false)
        }
        try writer.finish(freezeRow: 1, freezeCol: 1)
        for (offset, chart) in charts.enumerated() {
            try writer.insertChart(try self.chart(shares: chart.shares, survey: chart.survey),
                                   row: 1 + offset * 18, col: summary.names.count + 3, xScale: 1.3, yScale: 1.2)
        }
    }

    /// All areas' share per theme, one bar each, labelled with its value.
    private func chart(shares: [Double?], survey: SurveyKind) throws(XLSXError) -> XLSXChart {
        let labels = report.themes.labels
        let first = try data.block("Themes: All areas, \(survey.rawValue) survey", header: ["Theme", "% of comments"],
                                   rows: zip(labels, shares).map { [.text($0), $1.map(ChartCell.number) ?? .blank] })
        let last = first + labels.count - 1
        let chart = try workbook.addChart(.bar)
        chart.title("All areas, \(survey.rawValue) survey: % of comments naming each theme", fontSize: 11, bold: true)
        chart.legend(.none)
        let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(first, 0, last, 0),
                                         values: CellRange(first, 1, last, 1))
        series.fixedName("All areas")
        series.valueLabels(numberFormat: "0", position: .outsideEnd)
        // In a bar chart x is the horizontal value axis, y the categories: themes top to bottom in config order.
        chart.axis(.x, AxisOptions(name: "% of comments", min: 0, numberFormat: "0"))
        chart.axis(.y, AxisOptions(reversed: true, crossingAtMax: true))
        return chart
    }
}
