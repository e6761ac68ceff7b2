import Score
import SurveyModel

/// One per-area workbook to write (SPEC §10): the area and its file name.
public struct AreaWorkbook: Sendable, Equatable {
    public var area: String
    /// `<report>.<slug>.xlsx`.
    public var fileName: String

    public init(area: String, fileName: String) {
        self.area = area
        self.fileName = fileName
    }
}

/// Which areas get a workbook of their own, and how each is written: the report and run facts
/// restricted to the area (`AreaRestriction`), then the one `WorkbookWriter`.
public enum AreaWorkbooks {
    /// Every configured area with a shown employee or customer group, in config order. Slugs are
    /// given over all configured areas, shown or not, so an area's file name does not change
    /// when another area's group falls below the threshold.
    public static func plan(report: ScoreReport, instrument: Instrument, reportName: String) -> [AreaWorkbook] {
        let areas = report.areas.filter { !$0.isTotal }
        return zip(areas, AreaSlug.unique(areas.map(\.area))).compactMap { area, slug in
            AreaRestriction.hasShownGroup(area, instrument: instrument)
                ? AreaWorkbook(area: area.area, fileName: "\(reportName).\(slug).xlsx") : nil
        }
    }

    /// Writes the workbook of `workbook.area` to `path` (the caller handles temp file and publishing).
    public static func write(_ workbook: AreaWorkbook, report: ScoreReport, metadata: RunMetadata,
                             config: PipelineConfig, to path: String) throws(PipelineError) {
        try WorkbookWriter.write(report: AreaRestriction.report(report, area: workbook.area),
                                 metadata: AreaRestriction.metadata(metadata), config: config,
                                 leaderArea: workbook.area, to: path)
    }
}
