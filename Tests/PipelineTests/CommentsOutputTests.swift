import Foundation
import Pipeline
import SurveyModel
import SyntheticData
import XCTest

/// `<report>.comments.csv` and the comment parts of the workbook from a whole run (SPEC §9.1):
/// neutralized cells, the same bytes whatever the order of the input rows, and the shipped
/// pipeline.json's default themes.
final class CommentsOutputTests: XCTestCase {
    private static let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    /// Six respondents of one area, each with a comment a spreadsheet would run or split.
    func testCommentsFileIsNeutralizedQuotedAndThemed() throws {
        let folder = try Fixtures.temporaryFolder()
        let lines = try String(contentsOfFile: Fixtures.path("tiny/employees.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let comments = ["=wait for it", "\"+44 20, call me\"", "-2 stars", "@SUM(A1)", "\ttab first",
                        "\"say \"\"hi\"\"\""]
        var csv = lines[0] + "\n"
        for (index, comment) in comments.enumerated() {
            var fields = first
            fields[0] = "F\(index + 1)"
            fields[fields.count - 1] = comment
            csv += fields.joined(separator: ",") + "\n"
        }
        try csv.write(toFile: folder + "/employees.csv", atomically: true, encoding: .utf8)
        let config = try Fixtures.tinyConfig { json in
            json["inputs"] = ["employees": [folder + "/employees.csv"], "customers": [Fixtures.path("tiny/customers.csv")]]
            json["privacy"] = ["min_group_size": 5, "min_comment_group_size": 5]
            var instrument = json["instrument"] as? [String: Any] ?? [:]
            instrument["comment_themes"] = [["name": "waiting", "label": "Waiting", "keywords": ["wait*"]]]
            json["instrument"] = instrument
        }
        var options = RunOptions()
        options.configPath = config
        options.outputFolder = folder + "/out"
        options.log = RunLog(format: .text, quiet: true)
        let outcome = try Runner.run(options)
        let text = try String(contentsOfFile: outcome.jsonPath.replacingOccurrences(of: ".json", with: ".comments.csv"),
                              encoding: .utf8)
        let rows = text.components(separatedBy: "\r\n")
        XCTAssertEqual(rows.first, "area,survey,themes,comment")
        XCTAssertEqual(rows.last, "", "every row ends with CRLF")
        XCTAssertEqual(Set(rows.dropFirst().dropLast()), [
            "Operations,employee,waiting,'=wait for it",
            "Operations,employee,other,\"'+44 20, call me\"",
            "Operations,employee,other,'-2 stars",
            "Operations,employee,other,'@SUM(A1)",
            "Operations,employee,other,'\ttab first",
            "Operations,employee,other,\"say \"\"hi\"\"\"",
        ])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)))
                                 as? [String: Any])
        let themes = try XCTUnwrap(json["themes"] as? [[String: Any]])
        let waiting = try XCTUnwrap(themes.first { $0["area"] as? String == "Operations" && $0["theme"] as? String == "waiting" })
        XCTAssertEqual(waiting["comments"] as? Int, 1)
        XCTAssertEqual(try XCTUnwrap(waiting["share"] as? Double), 100.0 / 6, accuracy: 1e-12)
        // The tiny customers: 5 respondents (shown at 5), none of them wrote a comment: counts 0, share null.
        let customers = themes.filter { $0["area"] as? String == "Operations" && $0["survey"] as? String == "customer" }
        XCTAssertEqual(customers.map { $0["comments"] as? Int }, [0, 0])
        XCTAssertTrue(customers.allSatisfy { $0["share"] is NSNull })
    }

    /// The samples with their data rows in another order, read from the same paths: the same
    /// workbook part by part, byte for byte, but for the inputs' SHA-256 that the Data quality
    /// sheet shows, and the same comments file (the comments' order and the examples follow
    /// their digests, not the rows).
    func testShuffledInputGivesTheSameWorkbookAndCommentsFile() throws {
        let samples = Self.repo.appendingPathComponent("samples")
        let folder = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 2_026)
        var workbooks: [[String: String]] = [], commentFiles: [Data] = []
        for shuffled in [false, true] {
            for name in ["employees.csv", "customers.csv"] {
                var records = Self.records([UInt8](try Data(contentsOf: samples.appendingPathComponent(name))))
                XCTAssertGreaterThan(records.count, 100)
                if shuffled { records = [records[0]] + records.dropFirst().shuffled(using: &generator) }
                try Data(records.joined()).write(to: URL(fileURLWithPath: folder + "/in/" + name))
            }
            var options = RunOptions()
            options.configPath = Self.repo.appendingPathComponent("pipeline.json").path
            options.outputFolder = folder + "/out-\(shuffled)"
            options.log = RunLog(format: .text, quiet: true)
            options.employees = [folder + "/in/employees.csv"]
            options.customers = [folder + "/in/customers.csv"]
            let outcome = try Runner.run(options)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)))
                                     as? [String: Any])
            let digests = (json["inputs"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String }
            XCTAssertEqual(digests.count, 2)
            let base = String(outcome.jsonPath.dropLast(".json".count))
            var parts = try Self.parts(of: base + ".xlsx")
            for digest in digests { parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"]?.replacingOccurrences(of: digest, with: "SHA") }
            workbooks.append(parts)
            commentFiles.append(try Data(contentsOf: URL(fileURLWithPath: base + ".comments.csv")))
        }
        XCTAssertEqual(workbooks[0].keys.sorted(), workbooks[1].keys.sorted())
        XCTAssertGreaterThan(workbooks[0].count, 10)
        for (name, text) in workbooks[0] { XCTAssertEqual(text, workbooks[1][name], name) }
        XCTAssertEqual(commentFiles[0], commentFiles[1], "comments file bytes")
        XCTAssertGreaterThan(commentFiles[0].count, 10_000)
    }

    /// Every part of a workbook by name, read with unzip.
    private static func parts(of path: String) throws -> [String: String] {
        var parts: [String: String] = [:]
        for name in try unzip(["-Z1", path]).split(separator: "\n").map(String.init) {
            parts[name] = try unzip(["-p", path, name])
        }
        return parts
    }

    private static func unzip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testShippedPipelineJSONHasTheEightWastes() throws {
        let loaded = try ConfigLoader.load(path: Self.repo.appendingPathComponent("pipeline.json").path)
        XCTAssertEqual(loaded.config.instrument.commentThemes, DefaultCommentThemes.eightWastes)
        XCTAssertEqual(loaded.config.instrument.commentThemes.map(\.name),
                       ["defects", "overproduction", "waiting", "talent", "transport", "inventory", "motion", "processing"])
    }

    /// The records of an RFC 4180 file, each with its line end (a quoted field may hold line breaks).
    private static func records(_ bytes: [UInt8]) -> [[UInt8]] {
        var records: [[UInt8]] = [], current: [UInt8] = [], quoted = false
        for byte in bytes {
            current.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && byte == UInt8(ascii: "\n") {
                records.append(current)
                current = []
            }
        }
        if !current.isEmpty { records.append(current + [UInt8(ascii: "\n")]) }
        return records
    }
}

