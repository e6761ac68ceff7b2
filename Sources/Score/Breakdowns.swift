import RowStorage
import SurveyModel

/// One figure of a breakdown cell: a construct mean or an (e)NPS score. `value` is nil when
/// n = 0 (no figure) or when it is suppressed.
public struct BreakdownFigure: Sendable, Equatable {
    public var n: Int
    public var value: Double?
    public var suppressed: Bool

    public init(n: Int, value: Double?, suppressed: Bool) {
        self.n = n
        self.value = value
        self.suppressed = suppressed
    }
}

/// One area × value cell of a breakdown in the report wave (SPEC §5.3).
public struct BreakdownCell: Sendable, Equatable {
    /// Respondents in the cell.
    public var n: Int
    /// In `Breakdown.constructs` order.
    public var constructs: [BreakdownFigure]
    /// eNPS (employee) or NPS (customer).
    public var recommend: BreakdownFigure

    public init(n: Int, constructs: [BreakdownFigure], recommend: BreakdownFigure) {
        self.n = n
        self.constructs = constructs
        self.recommend = recommend
    }
}

/// The table of one breakdown column of one survey: the configured areas then All areas, ×
/// every value seen among the survey's accepted report-wave rows, ordered by code point.
public struct Breakdown: Sendable {
    public var survey: SurveyKind
    public var column: String
    /// The form's constructs, in instrument order.
    public var constructs: [String]
    /// `enps` or `nps` (the JSON key of the area figure the cells break down).
    public var recommendKey: String
    public var values: [String]
    public var areas: [String]
    /// `cells[area][value]`.
    public var cells: [[BreakdownCell]]

    public init(survey: SurveyKind, column: String, constructs: [String], recommendKey: String, values: [String],
                areas: [String], cells: [[BreakdownCell]]) {
        self.survey = survey
        self.column = column
        self.constructs = constructs
        self.recommendKey = recommendKey
        self.values = values
        self.areas = areas
        self.cells = cells
    }
}

/// Builds the breakdown tables of one survey from the scoring core's cell totals, with
/// primary and two-way secondary suppression per figure (SPEC §5.3).
enum Breakdowns {
    /// - Parameters:
    ///   - job: the survey's finished chunk job (its breakdown cells and row stores).
    ///   - outputs: the chunks in chunk order (input order), each with its part, for the values' names.
    ///   - current: the report wave's groups, All areas last (the rows' totals).
    static func build(job: ChunkJob, outputs: [(part: Int, output: ChunkOutput)], config: PipelineConfig,
                      current: [AreaResult]) -> [Breakdown] {
        guard let plan = job.breakdowns else { return [] }
        let totals = job.cellTotals(), layout = job.layout, parts = job.rows.parts
        let kind = layout.kind
        let form = config.instrument.form(kind)
        let areaNames = current.map(\.area)
        return (0..<plan.columnCount).compactMap { column in
            // The name of each value: its text in the first report-wave row that has it.
            var names = [String?](repeating: nil, count: plan.valueCounts[column])
            for (part, output) in outputs where column < output.firstSeen.count {
                for (value, code) in output.firstSeen[column] where names[Int(value)] == nil {
                    names[Int(value)] = BreakdownPlan.name(parts[part].breakdownPools[column].values[Int(code)])
                }
            }
            let seen = names.indices.filter { names[$0] != nil }
            guard !seen.isEmpty else { return nil }
            let order = seen.sorted { CodePoint.less(names[$0] ?? "", names[$1] ?? "") }
            let values = order.map { names[$0] ?? "" }
            var cells = (0...plan.areaCount).map { area in
                order.map { value in cell(totals, plan: plan, layout: layout, column: column, value: value, area: area) }
            }
            let minimum = config.privacy.minGroupSize
            for construct in 0..<plan.constructCount {
                let name = layout.constructs[construct].name
                let hidden = TwoWaySuppression.hidden(
                    ns: cells.map { $0.map { $0.constructs[construct].n } },
                    rowTotalHidden: current.map { $0.construct(name)?.suppressed ?? false },
                    areas: areaNames, values: values, minimum: minimum)
                for (area, row) in hidden.enumerated() {
                    for (value, hide) in row.enumerated() where hide { cells[area][value].constructs[construct].hide() }
                }
            }
            let hidden = TwoWaySuppression.hidden(
                ns: cells.map { $0.map(\.recommend.n) },
                rowTotalHidden: current.map { (kind == .employee ? $0.enps : $0.nps).suppressed },
                areas: areaNames, values: values, minimum: minimum)
            for (area, row) in hidden.enumerated() {
                for (value, hide) in row.enumerated() where hide { cells[area][value].recommend.hide() }
            }
            return Breakdown(survey: kind, column: form.breakdowns[column], constructs: layout.constructs.map(\.name),
                             recommendKey: kind == .employee ? Changes.enpsKey : Changes.npsKey, values: values,
                             areas: areaNames, cells: cells)
        }
    }

    /// One cell's figures before suppression; the last area is All areas (every area's cell added).
    private static func cell(_ totals: BreakdownCells, plan: BreakdownPlan, layout: AggregateLayout, column: Int, value: Int,
                             area: Int) -> BreakdownCell {
        var sums = [Int64](repeating: 0, count: plan.cellWidth)
        let areas = area < plan.areaCount ? area..<(area + 1) : 0..<plan.areaCount
        for member in areas {
            for (index, total) in totals.cell(plan.cell(column: column, value: value, area: member),
                                              width: plan.cellWidth).enumerated() {
                sums[index] += total
            }
        }
        let constructs = layout.constructs.enumerated().map { index, slot in
            let n = sums[1 + 2 * index], sum = sums[2 + 2 * index]
            return BreakdownFigure(n: Int(n), value: n > 0 ? slot.units.pointsPerUnit * Double(sum) / Double(n) : nil,
                                   suppressed: false)
        }
        let nps = GroupFigures.nps(Array(sums[plan.recommendOffset..<(plan.recommendOffset + AggregateLayout.codes)]))
        return BreakdownCell(n: Int(sums[0]), constructs: constructs,
                             recommend: BreakdownFigure(n: nps.n, value: nps.score, suppressed: false))
    }
}

extension BreakdownFigure {
    mutating func hide() {
        value = nil
        suppressed = true
    }
}
