import Score
import SurveyModel

/// The report of one area's leader (SPEC §10): the scored, already suppressed report cut down
/// to that area and All areas, so the ordinary `WorkbookWriter` writes a workbook that holds
/// nothing of any other area. Nothing is scored again: a figure hidden in the main workbook
/// stays hidden, and no figure is computed that the main report does not hold.
public enum AreaRestriction {
    /// Whether `area` gets a workbook: its employee or its customer group is shown, that is,
    /// at least one figure of that survey (a construct, an item, eNPS or NPS) is shown for it.
    /// An area whose groups are both hidden (or empty) would get a workbook of head counts.
    public static func hasShownGroup(_ area: AreaResult, instrument: Instrument) -> Bool {
        SurveyKind.allCases.contains { kind in
            let constructs = Set(instrument.constructs(of: kind).map(\.name))
            let items = Set(instrument.form(kind).items.map(\.key))
            let recommend = kind == .employee ? area.enps : area.nps
            return area.constructs.contains { constructs.contains($0.name) && $0.result.shownMean != nil }
                || area.items.contains { items.contains($0.key) && !$0.result.suppressed && $0.result.favorable != nil }
                || (!recommend.suppressed && recommend.score != nil)
        }
    }

    /// `report` with only `area` and All areas: their rows, trend points, faded wins, breakdown
    /// rows (and only the breakdown values `area` has respondents in: a value only other areas
    /// have would show their figures under All areas), comments and theme rows. Examples are
    /// `area`'s only, since All areas' examples are other areas' comments too. Psychometrics and
    /// the data window are All areas' already.
    public static func report(_ report: ScoreReport, area: String) -> ScoreReport {
        let kept = Set(report.areas.filter { $0.isTotal || $0.area == area }.map(\.area))
        var restricted = report
        restricted.areas = report.areas.filter { kept.contains($0.area) }
        restricted.trends = report.trends.filter { kept.contains($0.area) }
        restricted.evaporation = report.evaporation.filter { kept.contains($0.area) }
        restricted.breakdowns = report.breakdowns.map { breakdown(of: $0, area: area, kept: kept) }
        restricted.comments = report.comments.filter { $0.area == area }
        restricted.themes.counts = report.themes.counts.filter { kept.contains($0.area) }
        restricted.themes.examples = report.themes.examples.filter { $0.area == area }
        return restricted
    }

    /// The run's facts for a per-area workbook: every survey's inputs as one row of the whole
    /// run's counts, named by survey and file count, not by file. The counts are the run's (a
    /// rejected row belongs to no area, the quality gate judges the run), so they stay; the
    /// file names and per-file counts go, because an operator may give one file per area
    /// (`north.csv`), which would name another area and give its row count.
    public static func metadata(_ metadata: RunMetadata) -> RunMetadata {
        var restricted = metadata
        restricted.inputs = SurveyKind.allCases.compactMap { kind in
            let files = metadata.inputs.filter { $0.kind == kind }
            guard let first = files.first else { return nil }
            var byReason: [RejectReason: Int] = [:]
            for file in files { byReason.merge(file.rejectedByReason, uniquingKeysWith: +) }
            var unknown: [String] = []
            for column in files.flatMap(\.unknownColumns) where !unknown.contains(column) { unknown.append(column) }
            let platform = files.first { $0.format.dropsNonResponses }?.format
            let encoding = files.contains { $0.encoding == "utf-8" } ? "utf-8" : first.encoding
            return InputSummary(
                path: "\(kind.rawValue) survey (\(files.count) \(files.count == 1 ? "file" : "files"))", kind: kind,
                sha256: "see \(metadata.reportName).json", rowsRead: files.reduce(0) { $0 + $1.rowsRead },
                accepted: files.reduce(0) { $0 + $1.accepted }, rejectedByReason: byReason, unknownColumns: unknown,
                format: platform ?? first.format, headerRows: first.headerRows, encoding: encoding)
        }
        return restricted
    }

    private static func breakdown(of table: Breakdown, area: String, kept: Set<String>) -> Breakdown {
        let rows = table.areas.indices.filter { kept.contains(table.areas[$0]) }
        let own = table.areas.firstIndex(of: area)
        let values = table.values.indices.filter { value in own.map { table.cells[$0][value].n > 0 } ?? false }
        var restricted = table
        restricted.areas = rows.map { table.areas[$0] }
        restricted.values = values.map { table.values[$0] }
        restricted.cells = rows.map { row in values.map { table.cells[row][$0] } }
        return restricted
    }
}
