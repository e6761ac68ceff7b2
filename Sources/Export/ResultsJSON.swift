import Score
import SurveyModel

/// The machine-readable results of SPEC §8.1: every figure of the workbook,
/// suppression applied, plus run metadata. Keys and their order are fixed.
public enum ResultsJSON {
    public static func document(report: ScoreReport, metadata: RunMetadata) -> JSONOutput {
        .object([
            ("report", .string(metadata.reportName)),
            ("wave", .string(report.wave)),
            ("waves", .array(report.waves.map(JSONOutput.string))),
            ("config_sha256", .string(metadata.configSHA256)),
            ("tool_version", .string(metadata.toolVersion)),
            ("inputs", .array(metadata.inputs.map(input))),
            ("rejected_by_reason", .object(metadata.rejectedByReason.map { ($0.reason.rawValue, .integer($0.count)) })),
            ("areas", .array(report.areas.map(area))),
            ("breakdowns", .array(report.breakdowns.flatMap(breakdownRows))),
            ("themes", themes(report.themes)),
            ("psychometrics", .object(report.psychometrics.map { construct in
                (construct.construct, .object(construct.items.map { item in
                    (item.item, .object([("r_drop", .number(item.rDrop)),
                                         ("alpha_if_dropped", .number(item.alphaIfDropped))]))
                }))
            })),
            ("trends", .array(report.trends.map { point in
                .object([("area", .string(point.area)), ("wave", .string(point.wave)),
                         ("readiness", .number(point.readiness)), ("employee_life", .number(point.employeeLife)),
                         ("customer_life", .number(point.customerLife)), ("lmi", .number(point.lmi))])
            })),
            ("evaporation", .array(report.evaporation.map { flag in
                .object([("area", .string(flag.area)), ("metric", .string(flag.metric)),
                         ("peak_wave", .string(flag.peakWave)), ("peak", .number(flag.peak)),
                         ("latest", .number(flag.latest)), ("drop", .number(flag.drop)),
                         ("significant", flag.significant.map(JSONOutput.bool) ?? .null)])
            })),
        ])
    }

    static func input(_ input: InputSummary) -> JSONOutput {
        .object([("path", .string(input.path)), ("kind", .string(input.kind.rawValue)),
                 ("format", .string(input.format.rawValue)), ("sha256", .string(input.sha256)),
                 ("header_rows", .integer(input.headerRows)), ("rows_read", .integer(input.rowsRead)),
                 ("accepted", .integer(input.accepted)), ("rejected", .integer(input.rejected))])
    }

    static func area(_ area: AreaResult) -> JSONOutput {
        .object([
            ("area", .string(area.area)), ("employee_n", .integer(area.employeeN)),
            ("customer_n", .integer(area.customerN)), ("headcount", .integer(area.headcount)),
            ("response_rate", .number(area.responseRate)),
            ("constructs", .object(area.constructs.map { ($0.name, construct($0.result)) })),
            ("items", .object(area.items.map { ($0.key, item($0.result)) })),
            ("enps", nps(area.enps)), ("nps", nps(area.nps)),
            ("lmi", .number(area.lmi)), ("quadrant", .string(area.quadrant)),
            ("readiness", .number(area.readiness)), ("band", .string(area.band)),
            ("missing_components", .array(area.missingComponents.map(JSONOutput.string))),
            ("difference_gap", .number(area.differenceGap)),
            ("drivers", area.drivers.map { .array($0.map(driver)) } ?? .null),
            ("changes", .object(area.changes.map { ($0.key, change($0.change)) })),
        ])
    }

    static func construct(_ c: ConstructResult) -> JSONOutput {
        .object([("n", .integer(c.n)), ("mean", .number(c.mean)), ("sd", .number(c.sd)),
                 ("ci_low", .number(c.ciLow)), ("ci_high", .number(c.ciHigh)), ("alpha", .number(c.alpha)),
                 ("suppressed", .bool(c.suppressed))])
    }

    static func item(_ i: ItemResult) -> JSONOutput {
        .object([("n", .integer(i.n)), ("favorable", .number(i.favorable)), ("neutral", .number(i.neutral)),
                 ("unfavorable", .number(i.unfavorable)), ("suppressed", .bool(i.suppressed))])
    }

    static func nps(_ n: NPSResult) -> JSONOutput {
        .object([("n", .integer(n.n)), ("score", .number(n.score)), ("promoters", .number(n.promoters)),
                 ("passives", .number(n.passives)), ("detractors", .number(n.detractors)),
                 ("ci_low", .number(n.ciLow)), ("ci_high", .number(n.ciHigh)), ("suppressed", .bool(n.suppressed))])
    }

    static func driver(_ d: Driver) -> JSONOutput {
        .object([("item", .string(d.item)), ("n", .integer(d.n)), ("impact", .number(d.impact)),
                 ("mean", .number(d.mean)), ("priority", .number(d.priority))])
    }
}
