import Foundation
import Pipeline
import SurveyModel
import XCTest

/// SPEC §8: a run killed with SIGKILL leaves the previous report as it was and never a
/// partial file under a final name. A first run of the `survey-pipeline` binary publishes
/// a report; later runs under the same report name, whose finished outputs would differ
/// (another quadrant threshold, so another config digest and other quadrants), are
/// killed mid-way, as publishing starts, and while the workbook is being written — moments
/// of a large run; `PublishFaultTests` kills small runs at every step of the publish.
final class KillTests: XCTestCase {
    private static let finals = ["kill.comments.csv", "kill.json", "kill.rejects.csv", "kill.xlsx"]

    func testKilledRunsLeaveThePreviousReportWhole() throws {
        let binary = try CLI.binary()
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let data = work + "/data", out = work + "/out"
        // 60,000 rows per survey keep the whole test under 20 s in a debug build.
        XCTAssertEqual(try CLI.run(binary, ["generate", "--employees", "60000", "--customers", "60000", "--waves", "4",
                                            "--areas", "12", "--seed", "3", "--out", data]), "0")
        let previous = try config(work, data: data, out: out, threshold: 60)
        let other = try config(work, data: data, out: out, threshold: 55)
        XCTAssertEqual(try CLI.run(binary, ["run", "--config", previous, "--quiet"]), "0")
        let before = try Self.finals.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }

        // A run writes its set into a new run folder `.survey-pipeline-run-<id>`.
        let first = try Self.runFolders(out)
        let moments: [(String, (Process) -> Bool)] = [
            ("0.5 s in", { _ in usleep(500_000); return true }),
            ("at its run folder", { process in
                Self.poll(out, process) { !first.contains($0) && $0.hasPrefix(OutputNames.runFolder("")) }
            }),
            ("while its workbook is written", { process in
                Self.poll(out, process) { name in
                    !first.contains(name) && name.hasPrefix(OutputNames.runFolder(""))
                        && FileManager.default.fileExists(atPath: out + "/" + name + "/kill.xlsx")
                }
            }),
        ]
        for (moment, waitFor) in moments {
            let process = try CLI.start(binary, ["run", "--config", other, "--quiet"])
            let reached = waitFor(process)
            XCTAssertTrue(reached && process.isRunning, "the run ended before it could be killed \(moment)")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, moment)
            let after = try Self.finals.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
            for (index, name) in Self.finals.enumerated() {
                XCTAssertEqual(after[index], before[index], "\(name) changed by a run killed \(moment)")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: out)
            let unexpected = names.filter {
                !Self.finals.contains($0) && $0 != FolderLock.fileName && !$0.hasPrefix(OutputNames.prefix)
            }
            XCTAssertEqual(unexpected, [], "files left under other names by a run killed \(moment)")
        }

        // The kernel dropped the killed runs' locks: a run that does not wait gets the folder.
        var options = RunOptions()
        options.configPath = Fixtures.path("tiny/pipeline.json")
        options.outputFolder = out
        options.reportName = "after-kill"
        options.log = RunLog(format: .text, quiet: true)
        XCTAssertNoThrow(try Runner.run(options))
    }

    /// tiny/pipeline.json with the generated areas and inputs, output `kill` in `out`.
    private func config(_ work: String, data: String, out: String, threshold: Double) throws -> String {
        var config = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        config["areas"] = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: data + "/areas.json")))
        config["inputs"] = ["employees": [data + "/employees.csv"], "customers": [data + "/customers.csv"]]
        config["output"] = ["folder": out, "report_name": "kill"]
        var scoring = try XCTUnwrap(config["scoring"] as? [String: Any])
        scoring["quadrant_threshold"] = threshold
        config["scoring"] = scoring
        let path = work + "/pipeline-\(Int(threshold)).json"
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func runFolders(_ folder: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(OutputNames.runFolder("")) })
    }

    /// Polls `folder` every millisecond until a name matches; false when the process ended first.
    private static func poll(_ folder: String, _ process: Process, _ matches: (String) -> Bool) -> Bool {
        while process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: matches) { return true }
            usleep(1_000)
        }
        return false
    }
}

/// The `survey-pipeline` executable next to the test bundle, run as a child process.
enum CLI {
    /// `SURVEY_PIPELINE_BINARY` when set, else `survey-pipeline` in the folder of the test
    /// bundle or one of its parents (`.build/<triple>/debug/`); skips the test when absent.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["SURVEY_PIPELINE_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("survey-pipeline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw XCTSkip("survey-pipeline was not found near \(CommandLine.arguments[0]); "
                      + "build it first (swift build --build-tests) or set SURVEY_PIPELINE_BINARY")
    }

    /// Starts the binary with stdout discarded; stderr goes to `stderr` when given.
    static func start(_ binary: URL, _ arguments: [String], stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the binary to the end; returns its exit status, followed by stderr when it is not 0.
    static func run(_ binary: URL, _ arguments: [String]) throws -> String {
        let stderr = Pipe()
        let process = try start(binary, arguments, stderr: stderr)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "0" : "\(process.terminationStatus): \(message)"
    }
}
