import XCTest
@testable import Score
import SurveyModel

/// One hand-made respondent: area index into `config.areas`, `WavePeriod.key` of the
/// wave (20263 = 2026-Q3) and the answers given. Likert/frequency answers are 1–5, the
/// 0–10 item (`enps` / `nps`) is given as its value 0–10; unlisted items are missing.
typealias Row = (area: Int, wave: Int32, answers: [String: Int])

/// Builders shared by the Score tests: response tables from rows, configs, reports.
enum TestData {
    static let instrument = DefaultInstrument.value
    static let q1: Int32 = 20261, q2: Int32 = 20262, q3: Int32 = 20263

    static let lead = ["lead_vision", "lead_mobilize", "lead_momentum", "lead_inspire", "lead_empower", "lead_urgency"]
    static let mgmt = ["mgmt_buyin", "mgmt_control", "mgmt_budget", "mgmt_planned"]
    static let life = ["life_easier", "life_time", "life_lasting"]
    static let waste = ["waste_defects", "waste_overproduction", "waste_waiting", "waste_talent",
                        "waste_transport", "waste_inventory", "waste_motion", "waste_processing"]

    /// A row in area 0 of the report wave 2026-Q3 unless told otherwise.
    static func row(_ answers: [String: Int], area: Int = 0, wave: Int32 = q3) -> Row {
        (area: area, wave: wave, answers: answers)
    }

    /// Every key of `keys` answered with `value`.
    static func all(_ keys: [String], _ value: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: keys.map { ($0, value) })
    }

    /// `keys[i]` answered with `values[i]` (0 in `values` = missing).
    static func each(_ keys: [String], _ values: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(keys, values).filter { $0.1 != 0 })
    }

    /// A response table in the layout the normalizer produces: one byte per form item,
    /// 0 missing, 1–5, value + 1 for the 0–10 item (the last item of the form).
    static func table(_ kind: SurveyKind, _ rows: [Row]) -> ResponseTable {
        let form = instrument.form(kind)
        var table = ResponseTable(kind: kind, itemCount: form.items.count, breakdownCount: form.breakdowns.count)
        for column in table.breakdownPools.indices { _ = table.breakdownPools[column].intern("") }
        for (index, row) in rows.enumerated() {
            for key in row.answers.keys { precondition(form.itemIndex(key) != nil, "no item \(key) in \(kind)") }
            table.answers += form.items.map { item -> UInt8 in
                guard let value = row.answers[item.key] else { return 0 }
                return UInt8(item.scale == .zeroToTen ? value + 1 : value)
            }
            appendRowFacts(to: &table, area: row.area, wave: row.wave, line: index + 2, id: "id\(index)")
        }
        return table
    }

    /// Everything of a row but its answers: area, wave, line and id; no time, comment or breakdown.
    static func appendRowFacts(to table: inout ResponseTable, area: Int, wave: Int32, line: Int, id: String) {
        table.area.append(UInt16(area))
        table.wave.append(wave)
        table.submitted.append(0)
        table.file.append(0)
        table.line.append(UInt32(line))
        table.offset.append(Int64(line) * 100)
        table.ids.append(Array(id.utf8))
        table.comments.append([UInt8]())
        for column in table.breakdowns.indices { table.breakdowns[column].append(0) }
    }

    static func config(areas: [String] = ["Ops"], headcounts: [Int?]? = nil, minGroupSize: Int = 5,
                       minDriverN: Int = 30) -> PipelineConfig {
        let counts = headcounts ?? areas.map { _ in nil }
        var config = PipelineConfig(inputs: InputConfig(),
                                    areas: zip(areas, counts).map { Area(name: $0, headcount: $1) },
                                    instrument: instrument)
        config.privacy.minGroupSize = minGroupSize
        config.scoring.minDriverN = minDriverN
        return config
    }

    static func report(_ employees: [Row], customers: [Row] = [], config: PipelineConfig = config(),
                       wave: String? = nil, jobs: Int = 1) throws -> ScoreReport {
        try ReportBuilder.build(employee: table(.employee, employees), customer: table(.customer, customers),
                                config: config, wave: wave, jobs: jobs)
    }

    /// The 4-respondent complete-case employee_life matrix used for alpha and psychometrics
    /// (life_easier, life_time, life_lasting): item sums of squares 10, 6, 2.75; cross products
    /// easier·time 7, easier·lasting 5, time·lasting 3 (deviations worked out in the tests).
    static let lifeMatrix: [[Int]] = [[5, 4, 4], [4, 4, 3], [2, 3, 2], [1, 1, 2]]
}

extension ScoreReport {
    func group(_ name: String) -> AreaResult {
        guard let group = areas.first(where: { $0.area == name }) else { fatalError("no group \(name)") }
        return group
    }
}

extension AreaResult {
    func item(_ key: String) -> ItemResult? { items.first { $0.key == key }?.result }
}

/// Asserts an optional double is present and within `accuracy` of `expected`.
func assertClose(_ actual: Double?, _ expected: Double, accuracy: Double = 1e-9, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let actual else { return XCTFail("nil, expected \(expected) \(message)", file: file, line: line) }
    XCTAssertEqual(actual, expected, accuracy: accuracy, message, file: file, line: line)
}
