import Score
import SurveyModel
import XLSXWriter

/// Writes the executive workbook (SPEC §10): Summary first and active, then a
/// sheet per detail, and last the hidden sheet of chart data. The same inputs always
/// give a byte-identical file: the only date inside is derived from the data window.
public enum WorkbookWriter {
    /// The sheet names, in workbook order.
    static let sheetNames = [
        "Summary", "Areas", "Items", "Drivers", "Trends", "Customers", "Themes", "Comments", "Data quality", "Method",
        chartDataSheet,
    ]
    /// The hidden sheet the charts read from.
    static let chartDataSheet = "Chart data"

    /// Fails unless the installed libxlsxwriter is the series the workbook code supports, so a run
    /// can refuse before ingesting anything (`write` checks again when it creates the workbook).
    public static func checkLibrary() throws(PipelineError) {
        do {
            try XLSXLibrary.checkVersion()
        } catch {
            throw .other(error.description)
        }
    }

    /// Writes the executive workbook to `path` (the caller handles temp file + atomic rename).
    /// `leaderArea` names the area of a per-area workbook (SPEC §10) in its title and page header.
    /// A libxlsxwriter failure becomes `PipelineError.other` with the library's message.
    public static func write(report: ScoreReport, metadata: RunMetadata, config: PipelineConfig,
                             leaderArea: String? = nil, to path: String) throws(PipelineError) {
        do {
            try writeWorkbook(report: report, metadata: metadata, config: config, leaderArea: leaderArea, to: path)
        } catch {
            throw .other(error.description)
        }
    }

    private static func writeWorkbook(report: ScoreReport, metadata: RunMetadata, config: PipelineConfig,
                                      leaderArea: String?, to path: String) throws(XLSXError) {
        let workbook = try XLSXWorkbook(path: path)
        let title = "Readiness for systemic change — " + (leaderArea.map { "\($0), " } ?? "") + report.wave
        try workbook.setProperties(title: title, subject: metadata.reportName, author: metadata.toolVersion,
                                   created: createdTime(metadata.dataWindow?.last))
        let formats = try WorkbookFormats(workbook)
        let context = SheetContext(reportName: metadata.reportName + (leaderArea.map { " · \($0)" } ?? ""),
                                   wave: report.wave, bands: config.scoring.bands)
        var sheets: [SheetWriter] = []
        for name in sheetNames {
            if name == "Themes" {
                try BreakdownsSheet.writeAll(report: report, config: config, workbook: workbook, formats: formats,
                                             context: context)
            }
            sheets.append(SheetWriter(try workbook.addSheet(name), formats, context: context))
        }
        let chartData = ChartData(sheets[sheetNames.firstIndex(of: chartDataSheet) ?? sheets.count - 1])
        try SummarySheet(report: report, metadata: metadata, config: config, workbook: workbook, data: chartData,
                         title: title)
            .write(sheets[0])
        try AreasSheet(report: report, config: config).write(sheets[1])
        try ItemsSheet(report: report, config: config).write(sheets[2])
        try DriversSheet(report: report, config: config).write(sheets[3])
        try TrendsSheet(report: report, workbook: workbook, data: chartData).write(sheets[4])
        try CustomersSheet(report: report, surveyPresent: metadata.inputs.contains { $0.kind == .customer })
            .write(sheets[5])
        try ThemesSheet(report: report, config: config, workbook: workbook, data: chartData).write(sheets[6])
        try CommentsSheet(report: report, config: config).write(sheets[7])
        try DataQualitySheet(metadata: metadata, gate: config.maxRejectFraction).write(sheets[8])
        try MethodSheet(report: report, metadata: metadata, config: config).write(sheets[9])
        try chartData.finish()
        try workbook.close()
    }

    /// Seconds since 1970 of `YYYY-MM-DD` at 00:00 UTC; 2000-01-01 when absent or unreadable.
    static func createdTime(_ date: String?) -> Int {
        let fallback = 946_684_800
        guard let date else { return fallback }
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]), parts[0] >= 1970
        else { return fallback }
        return Int(CivilCalendar.daysFromEpoch(year: parts[0], month: parts[1], day: parts[2])) * 86_400
    }
}
