import Foundation
import Ingest
import Pipeline
import Shards
import SurveyModel
import SyntheticData
import XCTest

/// `score --partial` over shards of the input files, then `merge`: the published files are
/// byte-identical to one `run` over all the shards' files in the same order (SPEC §6.1),
/// duplicates across shards are resolved as one run resolves them (§4), and a partial of
/// another tool version or config is an input error.
final class ShardMergeTests: XCTestCase {
    private static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    private func options(_ config: String, employees: [String] = [], customers: [String] = [],
                         out: String? = nil, jobs: Int = 2) -> RunOptions {
        var options = RunOptions()
        options.configPath = config
        options.employees = employees
        options.customers = customers
        options.outputFolder = out
        options.jobs = jobs
        options.log = RunLog(format: .text, quiet: true)
        return options
    }

    /// The published files of a folder (its stable names), by name.
    private func published(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// Runs once over `shards` (employees of every shard in order, then customers), writes a
    /// partial per shard, merges them with `--jobs` 1 and 2, and checks every published file.
    @discardableResult
    private func assertMergeEqualsRun(config: String, shards: [(employees: [String], customers: [String])],
                                      pieceBytes: Int? = nil, line: UInt = #line) throws -> String {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let run = scratch + "/run"
        _ = try Runner.run(options(config, employees: shards.flatMap(\.employees),
                                   customers: shards.flatMap(\.customers), out: run))
        var partials: [String] = []
        for (index, shard) in shards.enumerated() {
            let path = scratch + "/shard-\(index).partial"
            var shardOptions = options(config, employees: shard.employees, customers: shard.customers, jobs: 1 + index % 2)
            shardOptions.pieceBytes = pieceBytes
            _ = try ShardRunner.writePartial(shardOptions, to: path)
            partials.append(path)
        }
        let expected = try published(run)
        XCTAssertEqual(expected.count, 4, "xlsx, json, rejects.csv, comments.csv", line: line)
        for jobs in [1, 2] {
            let merged = scratch + "/merged-\(jobs)"
            _ = try ShardRunner.merge(partials, options: options(config, out: merged, jobs: jobs))
            let files = try published(merged)
            XCTAssertEqual(files.keys.sorted(), expected.keys.sorted(), line: line)
            for (name, data) in expected {
                XCTAssert(files[name] == data, "\(name) differs from one run's (merge --jobs \(jobs))", line: line)
            }
        }
        return run
    }

    /// A config that names no inputs of its own (every test passes them), in a new folder.
    private func config(from relative: String, areas: String? = nil) throws -> String {
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.repository.appendingPathComponent(relative))) as? [String: Any])
        if let areas {
            json["areas"] = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: areas)))
        }
        var inputs = json["inputs"] as? [String: Any] ?? [:]
        inputs["employees"] = [String]()
        inputs["customers"] = [String]()
        json["inputs"] = inputs
        var gate = json["quality_gate"] as? [String: Any] ?? [:]
        gate["max_reject_fraction"] = 1
        json["quality_gate"] = gate
        let path = try Fixtures.temporaryFolder() + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The samples as two shards: employees in one, customers in the other.
    func testTwoShardsOfTheSamplesMergeToOneRunsBytes() throws {
        let samples = Self.repository.appendingPathComponent("samples").path
        try assertMergeEqualsRun(config: try config(from: "pipeline.json"), shards: [
            ([samples + "/employees.csv"], []), ([], [samples + "/customers.csv"]),
        ])
    }

    /// The conformance set in three shards, one per file, customers in the middle shard.
    func testThreeShardsOfTheConformanceSet() throws {
        let folder = Fixtures.path("conformance")
        try assertMergeEqualsRun(config: try config(from: "Tests/Fixtures/conformance/pipeline.json"), shards: [
            ([folder + "/employee_a.csv"], []), ([], [folder + "/customer_a.csv"]), ([folder + "/employee_b.csv"], []),
        ])
    }

    /// Three generated sets whose ids overlap (the generator numbers respondents the same way
    /// for every seed), so the same respondent in the same wave is in several shards.
    func testGeneratedShardsWithDuplicatesAcrossShards() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        var shards: [(employees: [String], customers: [String])] = []
        for seed in 1...3 {
            let folder = scratch + "/seed-\(seed)"
            _ = try SampleWriter.write(GeneratorSpec(employees: 600, customers: 500, waves: 2, areas: 3,
                                                     seed: UInt64(seed)), to: folder)
            shards.append(([folder + "/employees.csv"], seed == 2 ? [] : [folder + "/customers.csv"]))
        }
        let config = try config(from: "pipeline.json", areas: scratch + "/seed-1/areas.json")
        let run = try assertMergeEqualsRun(config: config, shards: shards)
        // Each shard run alone finds only the duplicates inside its files; all together find more:
        // the copies of one respondent in different shards.
        var alone = 0
        for (index, shard) in shards.enumerated() {
            let out = scratch + "/alone-\(index)"
            _ = try Runner.run(options(config, employees: shard.employees, customers: shard.customers, out: out))
            alone += try duplicates(in: out)
        }
        XCTAssertGreaterThan(try duplicates(in: run), alone)
    }

    private func document(in folder: String) throws -> [String: Any] {
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") })
        return try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) as? [String: Any])
    }

    private func duplicates(in folder: String) throws -> Int {
        try XCTUnwrap((try document(in: folder)["rejected_by_reason"] as? [String: Int])?["duplicate"])
    }

    /// A file of more than one chunk (32,768 rows) read in pieces of 1 MiB: its stores end in
    /// part-filled chunks, which the merge joins into whole chunks again.
    func testFileOfSeveralChunksReadInPieces() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try SampleWriter.write(GeneratorSpec(employees: 40_000, customers: 300, waves: 2, areas: 3, seed: 4,
                                                 comments: .phrases), to: scratch + "/big")
        _ = try SampleWriter.write(GeneratorSpec(employees: 300, customers: 300, waves: 2, areas: 3, seed: 5),
                                   to: scratch + "/small")
        try assertMergeEqualsRun(config: try config(from: "pipeline.json", areas: scratch + "/big/areas.json"),
                                 shards: [([scratch + "/big/employees.csv"], [scratch + "/big/customers.csv"]),
                                          ([scratch + "/small/employees.csv"], [])],
                                 pieceBytes: 1 << 20)
    }

    /// Hand-made: tiny/employees.csv in shard 1; shard 2 holds a later copy of E1 (all lead
    /// answers 1), a copy of E2 with the same time (a tie: the later file wins) and lead 3,
    /// and an earlier copy of E3 (loses). Kept: E1 lead 0, E2 50, E3 75, E4 50, E5 25 →
    /// leadership mean 200 / 5 = 40; duplicates: tiny's E1, E2 and earlier E5, shard 2's E3.
    func testLaterCopyInALaterShardWins() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let tiny = Fixtures.path("tiny/employees.csv")
        let header = try XCTUnwrap(try String(contentsOfFile: tiny, encoding: .utf8).split(separator: "\n").first)
        let later = scratch + "/later.csv"
        try ([String(header),
              "E1,2026-07-09,Ops,Frontline,1,1,1,1,1,1,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,later",
              "E2,2026-07-02,Ops,Frontline,3,3,3,3,3,3,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,9,tie",
              "E3,2026-07-01,Ops,Frontline,1,1,1,1,1,1,3,3,3,3,3,3,3,2,2,2,2,2,2,2,2,8,earlier"]
             .joined(separator: "\n") + "\n").write(toFile: later, atomically: true, encoding: .utf8)
        let customers = Fixtures.path("tiny/customers.csv")
        let run = try assertMergeEqualsRun(config: try config(from: "Tests/Fixtures/tiny/pipeline.json"),
                                           shards: [([tiny], [customers]), ([later], [])])
        let names = try FileManager.default.contentsOfDirectory(atPath: run)
        let json = try document(in: run)
        let area = try XCTUnwrap((json["areas"] as? [[String: Any]])?.first)
        XCTAssertEqual(area["employee_n"] as? Int, 5)
        let leadership = try XCTUnwrap((area["constructs"] as? [String: [String: Any]])?["leadership"])
        XCTAssertEqual(leadership["mean"] as? Double ?? 0, 40, accuracy: 1e-9)
        let rejects = try RejectsFile.rows(run + "/" + XCTUnwrap(names.first { $0.hasSuffix(".rejects.csv") }))
        let duplicates = rejects.filter { $0.contains("duplicate") }.map { ($0[0], $0[1]) }
        XCTAssertEqual(duplicates.map(\.0), [tiny, tiny, tiny, later])
        XCTAssertEqual(duplicates.map(\.1), ["2", "3", "7", "4"])
    }

    func testPartialOverAnotherConfigIsAnInputErrorNamingBothDigests() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let first = try Fixtures.tinyConfig()
        let second = try Fixtures.tinyConfig { $0["wave_period"] = "month" }
        let partial = scratch + "/tiny.partial"
        _ = try ShardRunner.writePartial(options(first), to: partial)
        let digest = { (path: String) in
            FileDigest.sha256(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertThrowsError(try ShardRunner.merge([partial], options: options(second, out: scratch + "/out"))) { error in
            guard case PipelineError.input(let file, _, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, partial)
            XCTAssert(message.contains((try? digest(first)) ?? "?") && message.contains((try? digest(second)) ?? "?"),
                      message)
            XCTAssertEqual((error as? PipelineError)?.exitCode, 3)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/out"))
    }

    /// A partial whose header names another tool version (written by the format's own writer).
    func testPartialOfAnotherToolVersionIsAnInputErrorNamingBoth() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let config = try Fixtures.tinyConfig()
        let digest = FileDigest.sha256(bytes: try Data(contentsOf: URL(fileURLWithPath: config)))
        let partial = scratch + "/old.partial"
        try PartialWriter(path: partial).write(
            header: PartialHeader(toolVersion: "survey-pipeline 0.0.9", configSHA256: digest, inputs: []),
            rows: [], aggregates: [])
        XCTAssertThrowsError(try ShardRunner.merge([partial], options: options(config, out: scratch + "/out"))) { error in
            guard case PipelineError.input(let file, _, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, partial)
            XCTAssert(message.contains("survey-pipeline 0.0.9") && message.contains(ToolVersion.current), message)
        }
    }

    /// A partial cut short is an input error (exit 3) naming it, and nothing is published.
    func testTruncatedPartialIsAnInputError() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let config = try Fixtures.tinyConfig()
        let partial = scratch + "/tiny.partial"
        _ = try ShardRunner.writePartial(options(config), to: partial)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: partial))
        for length in [0, 10, bytes.count / 3, bytes.count / 2, bytes.count - 40, bytes.count - 1] {
            try bytes.prefix(length).write(to: URL(fileURLWithPath: partial))
            XCTAssertThrowsError(try ShardRunner.merge([partial], options: options(config, out: scratch + "/out"))) {
                guard case PipelineError.input(let file, _, let message) = $0 else { return XCTFail("\($0)") }
                XCTAssertEqual(file, partial)
                XCTAssert(message.contains("at byte"), message)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/out"))
    }

    /// The commands through the real binary: a shard and a merge succeed with exit 0 and the
    /// same published bytes as `run`; a partial over another config exits 3 with one line on
    /// stderr naming it.
    func testCommandLineExitStatuses() throws {
        let scratch = try Fixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let binary = try CLI.binary()
        let config = try Fixtures.tinyConfig(), other = try Fixtures.tinyConfig { $0["wave_period"] = "month" }
        let partial = scratch + "/tiny.partial"
        XCTAssertEqual(try CLI.run(binary, ["score", "--config", config, "--partial", partial, "--quiet"]), "0")
        XCTAssertEqual(try CLI.run(binary, ["merge", partial, "--config", config, "--out", scratch + "/merged",
                                            "--quiet"]), "0")
        XCTAssertEqual(try CLI.run(binary, ["run", "--config", config, "--out", scratch + "/run", "--quiet"]), "0")
        XCTAssertEqual(try published(scratch + "/merged"), try published(scratch + "/run"))
        let result = try CLI.run(binary, ["merge", partial, "--config", other, "--out", scratch + "/other", "--quiet"])
        XCTAssert(result.hasPrefix("3:"), result)
        XCTAssert(result.contains("input error: \(MessageText.quoted(partial))") && result.contains("SHA-256"), result)
        XCTAssertEqual(result.split(separator: "\n").count, 1, result)
        XCTAssertEqual(try CLI.run(binary, ["merge", "--config", config]).prefix(2), "2:")
    }
}
