@testable import Score
import SurveyModel

/// A small hand-made scored report (three areas, Support suppressed) for the workbook tests.
enum WorkbookFixture {
    static let instrument = DefaultInstrument.value
    static let wave = "2026-Q3"
    static let waves = ["2026-Q1", "2026-Q2", "2026-Q3"]

    static var config: PipelineConfig {
        PipelineConfig(inputs: InputConfig(employees: ["data/employees.csv"], customers: ["data/customers.csv"]),
                       areas: [Area(name: "Operations", headcount: 40), Area(name: "Sales", headcount: 25),
                               Area(name: "Support", headcount: 8)],
                       instrument: instrument)
    }

    static var metadata: RunMetadata {
        RunMetadata(
            reportName: "readiness-2026-Q3",
            inputs: [
                InputSummary(path: "data/employees.csv", kind: .employee, sha256: String(repeating: "a1", count: 32),
                             rowsRead: 70, accepted: 65, rejectedByReason: [.invalidValue: 3, .duplicate: 2],
                             unknownColumns: ["favourite_colour"]),
                InputSummary(path: "data/customers.csv", kind: .customer, sha256: String(repeating: "b2", count: 32),
                             rowsRead: 50, accepted: 49, rejectedByReason: [.badDate: 1], unknownColumns: []),
            ],
            configSHA256: String(repeating: "c3", count: 32), toolVersion: ToolVersion.current,
            dataWindow: (first: "2026-07-01", last: "2026-09-28"))
    }

    static func construct(_ n: Int, _ mean: Double, suppressed: Bool = false) -> ConstructResult {
        guard n > 0 else {
            return ConstructResult(n: 0, mean: nil, sd: nil, ciLow: nil, ciHigh: nil, alpha: nil, suppressed: false)
        }
        if suppressed {
            return ConstructResult(n: n, mean: nil, sd: nil, ciLow: nil, ciHigh: nil, alpha: nil, suppressed: true)
        }
        let halfWidth = 36 / Double(n).squareRoot()
        return ConstructResult(n: n, mean: mean, sd: 18.5, ciLow: mean - halfWidth, ciHigh: mean + halfWidth,
                               alpha: n >= 3 ? 0.81 : nil, suppressed: false)
    }

    static func nps(_ n: Int, _ promoters: Double, _ detractors: Double, suppressed: Bool = false) -> NPSResult {
        if suppressed {
            return NPSResult(n: n, score: nil, promoters: nil, passives: nil, detractors: nil, ciLow: nil, ciHigh: nil,
                             suppressed: true)
        }
        let score = promoters - detractors
        return NPSResult(n: n, score: score, promoters: promoters, passives: 100 - promoters - detractors,
                         detractors: detractors, ciLow: max(score - 20, -100), ciHigh: min(score + 20, 100),
                         suppressed: false)
    }

    static var itemKeys: [String] {
        (instrument.employee.items + instrument.customer.items).map(\.key).filter { $0 != "enps" && $0 != "nps" }
    }

    static var driverKeys: [String] {
        instrument.employee.items.map(\.key).filter { $0.hasPrefix("lead_") || $0.hasPrefix("mgmt_") || $0.hasPrefix("waste_") }
    }

    /// One area; `level` shifts every score, `suppressed` hides everything but head counts.
    static func area(_ name: String, total: Bool = false, employeeN: Int, customerN: Int, headcount: Int?,
                     lead: Double, mgmt: Double, life: Double, waste: Double, cx: Double, customerLife: Double,
                     suppressed: Bool = false) -> AreaResult {
        let means = ["leadership": lead, "management": mgmt, "employee_life": life, "low_waste": waste,
                     "cx": cx, "customer_life": customerLife]
        let constructs = instrument.constructs.map { construct in
            let n = construct.survey == .employee ? employeeN : customerN
            return (name: construct.name, result: Self.construct(n, means[construct.name] ?? 50, suppressed: suppressed))
        }
        let items = itemKeys.enumerated().map { index, key in
            let favorable = min(95, max(5, lead - 20 + Double(index * 7 % 40)))
            let n = key.hasPrefix("cx_") ? customerN : employeeN
            return (key: key, result: suppressed
                ? ItemResult(n: n, favorable: nil, neutral: nil, unfavorable: nil, suppressed: true)
                : ItemResult(n: n, favorable: favorable, neutral: 15, unfavorable: 85 - favorable, suppressed: false))
        }
        let drivers: [Driver]? = suppressed || employeeN < 30 ? nil : driverKeys.enumerated().map { index, key in
            let impact = 0.55 - Double(index) * 0.04
            let mean = 40 + Double(index * 13 % 45)
            return Driver(item: key, n: employeeN, impact: impact, mean: mean, priority: max(impact, 0) * (100 - mean))
        }.sorted { ($1.priority, $0.item) < ($0.priority, $1.item) }
        let readiness = suppressed ? nil : (0.3 * lead + 0.1 * mgmt + 0.2 * life + 0.15 * waste + 0.25 * customerLife)
        let threshold = 60.0
        let quadrant: String? = suppressed ? nil
            : Quadrant(ledAtThreshold: lead >= threshold, managedAtThreshold: mgmt >= threshold).rawValue
        let band: String? = readiness.map { $0 >= 75 ? "Ready" : $0 >= 60 ? "Emerging" : "Not ready" }
        return AreaResult(
            area: name, isTotal: total, employeeN: employeeN, customerN: customerN, headcount: headcount,
            responseRate: headcount.map { Double(employeeN) / Double($0) }, constructs: constructs, items: items,
            enps: nps(employeeN, 35, 20, suppressed: suppressed), nps: nps(customerN, 45, 15, suppressed: suppressed),
            lmi: suppressed ? nil : lead - mgmt, quadrant: quadrant, readiness: readiness, band: band,
            missingComponents: suppressed ? ["leadership", "management", "employee_life", "low_waste", "customer_life"] : [],
            differenceGap: suppressed ? nil : life - customerLife, drivers: drivers.map { Array($0.prefix(3)) },
            allDrivers: drivers)
    }

    static var areas: [AreaResult] {
        [
            area("Operations", employeeN: 34, customerN: 22, headcount: 40, lead: 72, mgmt: 64, life: 70, waste: 58,
                 cx: 74, customerLife: 68),
            area("Sales", employeeN: 21, customerN: 18, headcount: 25, lead: 48, mgmt: 71, life: 52, waste: 49,
                 cx: 61, customerLife: 55),
            area("Support", employeeN: 3, customerN: 4, headcount: 8, lead: 0, mgmt: 0, life: 0, waste: 0, cx: 0,
                 customerLife: 0, suppressed: true),
            area("All areas", total: true, employeeN: 58, customerN: 44, headcount: 73, lead: 62.4, mgmt: 66.1,
                 life: 62.9, waste: 54.3, cx: 68.2, customerLife: 61.7),
        ]
    }

    static var report: ScoreReport {
        let areaNames = ["Operations", "Sales", "All areas"]
        var trends: [TrendPoint] = []
        for (areaIndex, name) in areaNames.enumerated() {
            for (waveIndex, wave) in waves.enumerated() {
                let base = 55 + Double(areaIndex * 4) + Double(waveIndex) * 3
                let life = name == "Sales" ? [66, 59, 52][waveIndex] : base + 5
                trends.append(TrendPoint(area: name, wave: wave, readiness: base, employeeLife: life,
                                         customerLife: base - 2, lmi: Double(waveIndex * 2 - 3)))
            }
        }
        trends.append(TrendPoint(area: "Support", wave: "2026-Q2", readiness: nil, employeeLife: nil,
                                 customerLife: nil, lmi: nil))
        return ScoreReport(
            wave: wave, waves: waves, areas: areas,
            psychometrics: instrument.constructs.filter { $0.items.count >= 3 }.map { construct in
                (construct: construct.name, items: construct.items.enumerated().map { index, item in
                    PsychometricItem(item: item, rDrop: 0.62 - Double(index) * 0.05,
                                     alphaIfDropped: 0.78 + Double(index) * 0.01)
                })
            },
            trends: trends,
            evaporation: [Evaporation(area: "Sales", metric: "employee_life", peakWave: "2026-Q1", peak: 66, latest: 52,
                                      drop: 14)],
            comments: [
                CommentGroup(area: "Operations", survey: .employee, comments: [
                    "=HYPERLINK(\"http://example.com\",\"click\")", "+1 for the new rota", "@SUM(A1:A9)",
                    "Less waiting for parts would give me back an hour a day.",
                ]),
                CommentGroup(area: "All areas", survey: .customer, comments: ["-2 stars: slow refunds", "Quick & kind <3"]),
            ],
            themes: themes)
    }

    /// Employees by role (Support's Frontline cell hidden, and Support's Manager and All areas'
    /// Frontline with it, as the two-way pass would) and customers by channel (one empty cell).
    static var breakdowns: [Breakdown] {
        let areas = ["Operations", "Sales", "Support", "All areas"]
        func cell(_ n: Int, _ means: [Double?], _ enps: Double?, hidden: Bool = false) -> BreakdownCell {
            BreakdownCell(n: n, constructs: means.map { BreakdownFigure(n: n, value: hidden ? nil : $0, suppressed: hidden) },
                          recommend: BreakdownFigure(n: n, value: hidden ? nil : enps, suppressed: hidden))
        }
        let employee = ["leadership", "management", "employee_life", "low_waste"]
        let roles = Breakdown(
            survey: .employee, column: "role", constructs: employee, recommendKey: "enps",
            values: ["Frontline", "Manager"], areas: areas,
            cells: [[cell(24, [70, 61, 68, 55], 12), cell(10, [77, 72, 75, 66], 30)],
                    [cell(15, [45, 70, 50, 47], -20), cell(6, [56, 74, 57, 54], 0)],
                    [cell(2, [0, 0, 0, 0], 0, hidden: true), cell(1, [0, 0, 0, 0], 0, hidden: true)],
                    [cell(41, [0, 0, 0, 0], 0, hidden: true), cell(17, [71.2, 72.5, 69.1, 61.4], 17.6)]])
        let customer = ["cx", "customer_life"]
        let channels = Breakdown(
            survey: .customer, column: "channel", constructs: customer, recommendKey: "nps",
            values: ["Phone", "Web"], areas: areas,
            cells: [[cell(12, [70, 66], 20), cell(10, [79, 71], 35)],
                    [cell(18, [61, 55], -5), BreakdownCell(n: 0, constructs: customer.map { _ in
                        BreakdownFigure(n: 0, value: nil, suppressed: false) },
                        recommend: BreakdownFigure(n: 0, value: nil, suppressed: false))],
                    [cell(4, [0, 0], 0, hidden: true), cell(0, [0, 0], 0, hidden: true)],
                    [cell(34, [66.5, 60.8], 5.9), cell(10, [79, 71], 35)]])
        return [roles, channels]
    }

    /// Two themes and `other` for the employee survey: Operations shown, Support hidden, All areas shown;
    /// examples that a spreadsheet would run as formulas if they were not text cells.
    static let themes: ThemeSummary = {
        let names = ["waiting", "talent", "other"]
        func rows(_ area: String, _ counts: [Int]?, comments: Int?) -> [ThemeCount] {
            zip(names, counts ?? [Int](repeating: 0, count: names.count)).map { name, count in
                ThemeCount(area: area, survey: .employee, theme: name, comments: counts == nil ? nil : count,
                           share: counts == nil ? nil : Double(count) / Double(comments ?? 1) * 100,
                           suppressed: counts == nil, groupComments: comments)
            }
        }
        return ThemeSummary(
            names: names, labels: ["Waiting", "Unused talent", "Other"],
            counts: rows("Operations", [1, 0, 3], comments: 4) + rows("Support", nil, comments: nil)
                + rows("All areas", [3, 1, 5], comments: 8),
            examples: [
                ThemeExamples(area: "Operations", survey: .employee, theme: "waiting",
                              comments: ["Less waiting for parts would give me back an hour a day."]),
                ThemeExamples(area: "Operations", survey: .employee, theme: "other", comments: [
                    "=HYPERLINK(\"http://example.com\",\"click\")", "+1 for the new rota", "@SUM(A1:A9)",
                ]),
            ])
    }()

    /// The smallest report for the golden Areas sheet: one area and All areas.
    static var tiny: ScoreReport {
        var report = report
        report.areas = [areas[0], areas[2], areas[3]]
        return report
    }
}
