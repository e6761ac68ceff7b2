import SurveyModel
import XCTest

/// Area matching (SPEC §3.5: trim, collapse inner white space, ignore case, catch-all)
/// and wave labels and keys (SPEC §3.4: calendar quarter `2026-Q3`, or month `2026-09`).
final class AreaAndWaveTests: XCTestCase {
    private let areas = [Area(name: "Operations", aliases: ["Ops"]),
                         Area(name: "Customer Service", aliases: ["CS", "Cust. Service"], headcount: 12)]

    func testFold() {
        XCTAssertEqual(AreaCatalog.fold("  Cust.   Service\t"), "cust. service")
        XCTAssertEqual(AreaCatalog.fold("CUSTOMER\n\nSERVICE"), "customer service")
        XCTAssertEqual(AreaCatalog.fold("ops"), "ops")
        XCTAssertEqual(AreaCatalog.fold("   "), "")
        XCTAssertEqual(AreaCatalog.fold(""), "")
    }

    func testMatchByNameOrAlias() {
        let catalog = AreaCatalog(areas: areas)
        XCTAssertEqual(catalog.match("operations"), 0)
        XCTAssertEqual(catalog.match(" OPS "), 0)
        XCTAssertEqual(catalog.match("  cust.   service "), 1)
        XCTAssertEqual(catalog.match("customer  service"), 1)
        XCTAssertEqual(catalog.match("cs"), 1)
        XCTAssertNil(catalog.match("Cust Service"))
        XCTAssertNil(catalog.match(""))
        XCTAssertNil(catalog.catchAll)
    }

    func testCatchAllTakesUnmatchedNames() {
        let catalog = AreaCatalog(areas: areas, catchAllName: "  ops")
        XCTAssertEqual(catalog.catchAll, 0)
        XCTAssertEqual(catalog.match("Atlantis"), 0)
        XCTAssertEqual(catalog.match("CS"), 1)
        XCTAssertNil(AreaCatalog(areas: areas, catchAllName: "Atlantis").catchAll)
    }

    func testQuarterLabels() {
        let expected = ["2026-Q1", "2026-Q1", "2026-Q1", "2026-Q2", "2026-Q2", "2026-Q2",
                        "2026-Q3", "2026-Q3", "2026-Q3", "2026-Q4", "2026-Q4", "2026-Q4"]
        XCTAssertEqual((1...12).map { WavePeriod.quarter.label(year: 2026, month: $0) }, expected)
        XCTAssertEqual(WavePeriod.quarter.label(year: 2026, month: 9), "2026-Q3")
        XCTAssertEqual(WavePeriod.quarter.label(year: 0, month: 1), "0000-Q1")
        XCTAssertEqual(WavePeriod.month.label(year: 987, month: 12), "0987-12")
    }

    func testMonthLabels() {
        XCTAssertEqual(WavePeriod.month.label(year: 2026, month: 9), "2026-09")
        XCTAssertEqual(WavePeriod.month.label(year: 2026, month: 1), "2026-01")
        XCTAssertEqual(WavePeriod.month.label(year: 2026, month: 10), "2026-10")
        XCTAssertEqual(WavePeriod.month.label(year: 2026, month: 12), "2026-12")
    }

    func testKeysAndTheirOrder() {
        XCTAssertEqual(WavePeriod.quarter.key(year: 2026, month: 9), 20263)
        XCTAssertEqual(WavePeriod.quarter.key(year: 2026, month: 1), 20261)
        XCTAssertEqual(WavePeriod.month.key(year: 2026, month: 9), 202609)
        // Keys and labels sort the same way, across a year boundary too.
        for period in [WavePeriod.quarter, .month] {
            let dates = [(2025, 11), (2025, 12), (2026, 1), (2026, 4), (2026, 9), (2027, 2)]
            let keys = dates.map { period.key(year: $0.0, month: $0.1) }
            let labels = dates.map { period.label(year: $0.0, month: $0.1) }
            XCTAssertEqual(keys, keys.sorted(), "\(period)")
            XCTAssertEqual(labels, labels.sorted(), "\(period)")
            XCTAssertEqual(keys.sorted(), labels.indices.sorted { labels[$0] < labels[$1] }.map { keys[$0] })
        }
        XCTAssertEqual(WavePeriod.quarter.key(year: 2026, month: 2), WavePeriod.quarter.key(year: 2026, month: 3))
        XCTAssertNotEqual(WavePeriod.month.key(year: 2026, month: 2), WavePeriod.month.key(year: 2026, month: 3))
    }

    func testRejectReasonPrecedenceOrder() {
        XCTAssertEqual(RejectReason.allCases.map(\.rawValue),
                       ["field_count", "field_too_long", "encoding", "not_a_response", "missing_id", "bad_date",
                        "unknown_area", "invalid_value", "duplicate"])
        XCTAssertLessThan(RejectReason.fieldCount, .fieldTooLong)
        XCTAssertLessThan(RejectReason.fieldTooLong, .encoding)
        XCTAssertLessThan(RejectReason.encoding, .notAResponse)
        XCTAssertLessThan(RejectReason.invalidValue, .duplicate)
        XCTAssertEqual([RejectReason.duplicate, .badDate, .fieldCount].min(), .fieldCount)
    }

    func testTextColumnAndFiltering() {
        var table = ResponseTable(kind: .customer, itemCount: 2, breakdownCount: 1)
        for (index, id) in ["a", "", "ccc"].enumerated() {
            table.answers += [UInt8(index), UInt8(index + 10)]
            table.area.append(UInt16(index))
            table.wave.append(20263)
            table.submitted.append(Int64(index))
            table.file.append(0)
            table.line.append(UInt32(index + 2))
            table.offset.append(Int64(index * 10))
            table.ids.append(Array(id.utf8))
            table.comments.append(Array("c\(index)".utf8))
            table.breakdowns[0].append(table.breakdownPools[0].intern(index == 1 ? "web" : "phone"))
        }
        XCTAssertEqual((0..<3).map { table.ids.string($0) }, ["a", "", "ccc"])
        XCTAssertEqual(table.ids.range(2), 1..<4)
        let kept = table.filtered(keep: [true, false, true])
        XCTAssertEqual(kept.count, 2)
        XCTAssertEqual(kept.answers, [0, 10, 2, 12])
        XCTAssertEqual((0..<2).map { kept.ids.string($0) }, ["a", "ccc"])
        XCTAssertEqual((0..<2).map { kept.comments.string($0) }, ["c0", "c2"])
        XCTAssertEqual(kept.line, [2, 4])
        var merged = ResponseTable(kind: .customer, itemCount: 2, breakdownCount: 1)
        _ = merged.breakdownPools[0].intern("web")
        merged.append(contentsOf: kept)
        XCTAssertEqual(merged.breakdowns[0].map { merged.breakdownPools[0].values[Int($0)] }, ["phone", "phone"])
        XCTAssertEqual(Array(merged.answers(row: 1)), [2, 12])
    }
}
