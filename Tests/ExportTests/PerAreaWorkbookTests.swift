import Foundation
import Pipeline
import XCTest

/// Per-area workbooks of a real run (SPEC §10, issue 14): every XML part of a leader's workbook
/// is searched for the other areas' names, a figure only another area has and another area's
/// comment; an area whose groups are both hidden gets none; the bytes do not depend on
/// `--jobs`; the files are published with the set and leave no link behind when an area goes.
final class PerAreaWorkbookTests: XCTestCase {
    private static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny/pipeline.json")
    private static let report = "readiness-2026-Q3"

    /// Names no XML part has by chance. Hidvale has 2 employees (hidden) and no customers;
    /// Ops/Logistics' 8 employees are then hidden by the secondary rule, its 7 customers shown.
    private static let zurich = "Zürich Süd", depot = "Qwyxplorth Depot", ops = "Ops/Logistics",
                        hidden = "Hidvale Kroon"
    /// Only the depot has this response rate (12 of a headcount of 98 765: 0.01215…%), this role
    /// and this word in its (shown) comments.
    private static let depotRate = "0.012150053", depotRole = "Yrvandtheorist", depotWord = "Xanthocrumb"

    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }

    func testALeadersWorkbookHoldsNothingOfAnotherArea() throws {
        let out = try run(areas: Self.allAreas)
        let main = try Self.text(of: out + "/\(Self.report).xlsx")
        // The checks below can fail: the main workbook has every one of these.
        for needle in [Self.zurich, Self.depot, Self.ops, Self.depotRate, Self.depotRole, Self.depotWord] {
            XCTAssertTrue(main.values.contains { $0.contains(needle) }, "main workbook lacks \(needle)")
        }
        let zurich = try Self.text(of: out + "/\(Self.report).zurich-sud.xlsx")
        XCTAssertTrue(zurich.values.contains { $0.contains(Self.zurich) })
        XCTAssertTrue(zurich.values.contains { $0.contains("All areas") })
        // The leader's workbook says whose it is: in its title, its Summary's title and every page header.
        XCTAssertTrue(zurich["docProps/core.xml"]?.contains("Readiness for systemic change — \(Self.zurich), ") ?? false)
        XCTAssertTrue(zurich["xl/worksheets/sheet1.xml"]?.contains("&amp;L\(Self.report) · \(Self.zurich)&amp;R") ?? false)
        XCTAssertFalse(main["docProps/core.xml"]?.contains("\(Self.zurich), ") ?? true)
        for needle in [Self.depot, Self.ops, Self.hidden, Self.depotRate, Self.depotRole, Self.depotWord] {
            for (part, text) in zurich where text.contains(needle) {
                XCTFail("\(part) of Zürich Süd's workbook holds \(needle)")
            }
        }
        let opsBook = try Self.text(of: out + "/\(Self.report).ops-logistics.xlsx")
        for needle in [Self.depot, Self.zurich, Self.hidden, Self.depotRate, Self.depotWord] {
            for (part, text) in opsBook where text.contains(needle) {
                XCTFail("\(part) of Ops/Logistics' workbook holds \(needle)")
            }
        }
        let depot = try Self.text(of: out + "/\(Self.report).qwyxplorth-depot.xlsx")
        XCTAssertTrue(depot.values.contains { $0.contains(Self.depotWord) }, "the depot's own examples are missing")
    }

    func testOnlyAreasWithAShownGroupGetAWorkbook() throws {
        let out = try run(areas: Self.allAreas)
        XCTAssertEqual(try Self.areaWorkbooks(in: out),
                       ["\(Self.report).ops-logistics.xlsx", "\(Self.report).qwyxplorth-depot.xlsx",
                        "\(Self.report).zurich-sud.xlsx"])
    }

    func testTheBytesDoNotDependOnJobs() throws {
        let runs = try [1, 2, 8].map { jobs in try run(areas: Self.allAreas, jobs: jobs, name: "jobs-\(jobs)") }
        let names = try Self.areaWorkbooks(in: runs[0]) + ["\(Self.report).xlsx"]
        XCTAssertEqual(names.count, 4)
        for name in names {
            let first = try Data(contentsOf: URL(fileURLWithPath: runs[0] + "/" + name))
            for other in runs.dropFirst() {
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other + "/" + name)), first, name)
            }
        }
    }

    func testThePerAreaOptionLeavesTheMainSetAsItWas() throws {
        let with = try run(areas: Self.allAreas, perArea: false, flag: true, name: "with")
        let without = try run(areas: Self.allAreas, perArea: false, name: "without")
        XCTAssertEqual(try Self.areaWorkbooks(in: with).count, 3)
        XCTAssertEqual(try Self.areaWorkbooks(in: without), [])
        for suffix in [".xlsx", ".json", ".rejects.csv", ".comments.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: with + "/" + Self.report + suffix)),
                           try Data(contentsOf: URL(fileURLWithPath: without + "/" + Self.report + suffix)), suffix)
        }
    }

    /// The next run without the depot switches the set; the depot's link is gone, not dangling,
    /// and the run folder holds exactly the new set.
    func testAGoneAreasLinkIsRemovedByTheNextRun() throws {
        let out = try run(areas: Self.allAreas)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/\(Self.report).qwyxplorth-depot.xlsx"))
        _ = try run(areas: Self.allAreas.filter { $0.name != Self.depot })
        let entries = try FileManager.default.contentsOfDirectory(atPath: out)
        XCTAssertFalse(entries.contains("\(Self.report).qwyxplorth-depot.xlsx"), "\(entries)")
        XCTAssertEqual(try Self.areaWorkbooks(in: out),
                       ["\(Self.report).ops-logistics.xlsx", "\(Self.report).zurich-sud.xlsx"])
        let runFolders = entries.filter { $0.hasPrefix(".survey-pipeline-run-") }
        XCTAssertEqual(runFolders.count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/" + runFolders[0]).sorted(),
                       [".comments.csv", ".json", ".rejects.csv", ".xlsx", ".ops-logistics.xlsx",
                         ".zurich-sud.xlsx"]
                        .map { Self.report + $0 }.sorted())
    }

    func testAFailedQualityGatePublishesNoAreaWorkbook() throws {
        let out = try run(areas: Self.allAreas, gate: 0, expectFailure: true)
        let visible = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(visible, ["\(Self.report).failed.json", "\(Self.report).failed.rejects.csv"])
        let runFolder = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: out)
            .first { $0.hasPrefix(".survey-pipeline-run-") })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/" + runFolder).count, 2)
    }

    // MARK: - The data

    private struct AreaData {
        var name: String
        var headcount: Int
        var employees: Int
        var customers: Int
        /// Likert answer of the area's leadership items (the other items vary with the row).
        var lead: Int
        var role: String
        var comment: String
    }

    private static let allAreas = [
        AreaData(name: zurich, headcount: 40, employees: 12, customers: 6, lead: 5, role: "Frontline",
                 comment: "We keep waiting for approvals"),
        AreaData(name: depot, headcount: 98_765, employees: 12, customers: 6, lead: 2, role: depotRole,
                 comment: "\(depotWord) forms are printed twice"),
        AreaData(name: ops, headcount: 20, employees: 8, customers: 7, lead: 4, role: "Frontline",
                 comment: "Trucks wait at the dock"),
        AreaData(name: hidden, headcount: 5, employees: 2, customers: 0, lead: 3, role: "Frontline",
                 comment: "Too many meetings"),
    ]

    /// Writes the inputs and config for `areas` and runs the pipeline into the folder `name`
    /// (the same folder for the same name), returning it. `perArea` is the config key, `flag`
    /// the `--per-area` option.
    private func run(areas: [AreaData], jobs: Int = 2, perArea: Bool = true, flag: Bool = false, gate: Double = 0.5,
                     name: String = "reports", expectFailure: Bool = false) throws -> String {
        let employees = folder.path("employees.csv"), customers = folder.path("customers.csv")
        try Self.employeeCSV(areas).write(toFile: employees, atomically: true, encoding: .utf8)
        try Self.customerCSV(areas).write(toFile: customers, atomically: true, encoding: .utf8)
        let data = try Data(contentsOf: Self.tiny)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["inputs"] = ["employees": [employees], "customers": [customers]]
        json["areas"] = areas.map { ["name": $0.name, "headcount": $0.headcount] as [String: Any] }
        json["quality_gate"] = ["max_reject_fraction": gate]
        json["output"] = ["folder": "reports", "report_name": "readiness-{wave}", "per_area": perArea]
        let config = folder.path("pipeline-\(name).json")
        try JSONSerialization.data(withJSONObject: json, options: .sortedKeys).write(to: URL(fileURLWithPath: config))
        var options = RunOptions()
        options.configPath = config
        options.outputFolder = folder.path(name)
        options.jobs = jobs
        options.perArea = flag
        options.log = RunLog(format: .text, quiet: true)
        do {
            _ = try Runner.run(options)
            XCTAssertFalse(expectFailure, "the quality gate held")
        } catch {
            guard expectFailure else { throw error }
        }
        return folder.path(name)
    }

    private static func employeeCSV(_ areas: [AreaData]) -> String {
        var lines = ["respondent_id,submitted_at,area,role,lead_vision,lead_mobilize,lead_momentum,lead_inspire,"
            + "lead_empower,lead_urgency,mgmt_buyin,mgmt_control,mgmt_budget,mgmt_planned,life_easier,life_time,"
            + "life_lasting,waste_defects,waste_overproduction,waste_waiting,waste_talent,waste_transport,"
            + "waste_inventory,waste_motion,waste_processing,enps,comment"]
        for (areaIndex, area) in areas.enumerated() {
            for row in 0..<area.employees {
                let lead = Array(repeating: String(area.lead), count: 6)
                let rest = (0..<15).map { String(1 + (row + $0 + areaIndex) % 5) }
                lines.append((["E\(areaIndex)-\(row)", "2026-08-\(String(format: "%02d", row + 1))", area.name,
                               row % 3 == 0 ? "Manager" : area.role] + lead + rest
                              + [String((row * 3 + areaIndex) % 11), "\"\(area.comment) \(row)\""])
                    .joined(separator: ","))
            }
        }
        // One row with an unknown area: rejected, so a gate of 0 fails the run.
        lines.append("X-1,2026-08-01,Nowhere,Frontline" + String(repeating: ",3", count: 21) + ",5,")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func customerCSV(_ areas: [AreaData]) -> String {
        var lines = ["response_id,submitted_at,area,segment,channel,cx_easy,cx_right_first_time,cx_no_wait,"
            + "cx_difference,nps,comment"]
        for (areaIndex, area) in areas.enumerated() {
            for row in 0..<area.customers {
                let answers = (0..<4).map { String(1 + (row * 2 + $0 + areaIndex) % 5) }
                lines.append((["C\(areaIndex)-\(row)", "2026-09-\(String(format: "%02d", row + 1))", area.name,
                               row % 2 == 0 ? "SMB" : "Enterprise", "Web"] + answers
                              + [String((row * 5 + areaIndex) % 11), ""]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Reading

    /// Every XML part of a workbook by name.
    private static func text(of path: String) throws -> [String: String] {
        let archive = WorkbookArchive(path: path)
        var parts: [String: String] = [:]
        for name in try archive.partNames() { parts[name] = try archive.part(name) }
        XCTAssertGreaterThan(parts.count, 10)
        return parts
    }

    /// The per-area workbooks published in `folder`, by name.
    private static func areaWorkbooks(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix(report + ".") && $0.hasSuffix(".xlsx") && $0 != report + ".xlsx" }.sorted()
    }
}
