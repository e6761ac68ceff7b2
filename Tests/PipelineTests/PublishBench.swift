import Foundation
import Pipeline
import XCTest

/// An output folder and three tiny-fixture configs for the publish fault tests, run through
/// the `survey-pipeline` binary: `a` and `b` publish sets whose JSON differ (another quadrant
/// threshold, so another config digest), and `b` with `output.per_area`, so its set has one file
/// more (Operations' workbook) that a switch to `a` takes away; `gate` fails the quality gate.
/// The report is `kill`.
/// The folder lives on tmpfs when there is one (`/dev/shm`): a kill loses nothing a disk
/// would keep, and a run there takes a fraction of the time.
struct PublishBench {
    enum Config: String, CaseIterable { case a, b, gate }

    static let report = "kill"
    static let setNames = ["kill.comments.csv", "kill.json", "kill.rejects.csv", "kill.xlsx"]
    /// The per-area workbook in `b`'s set.
    static let areaWorkbook = "kill.operations.xlsx"
    static let failedNames = ["kill.failed.json", "kill.failed.rejects.csv"]
    /// Files of a user's that must outlive every run: one of the old `.tmp-` shape, one with the
    /// tool's prefix but not the shape of a name it makes.
    static let userFiles = [".tmp-notes.txt": "my notes", ".survey-pipeline-notes": "mine too",
                            ".survey-pipeline-tmp-notes": "and mine"]

    let binary: URL
    let work: String
    let out: String
    /// The set each config publishes, read from a folder of its own (stable name → bytes).
    private(set) var sets: [Config: [String: Data]] = [:]

    init() throws {
        binary = try CLI.binary()
        let shm = "/dev/shm"
        let base = FileManager.default.isWritableFile(atPath: shm) ? shm : NSTemporaryDirectory()
        work = (base as NSString).appendingPathComponent("survey-publish-\(UUID().uuidString)")
        out = work + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for config in Config.allCases {
            let reference = work + "/reference-\(config.rawValue)"
            let status = try run(config, out: reference)
            XCTAssertEqual(status, config == .gate ? 4 : 0, "reference run \(config)")
            sets[config] = try Self.visible(reference)
        }
        XCTAssertEqual(sets[.a]?.keys.sorted(), Self.setNames)
        XCTAssertEqual(sets[.b]?.keys.sorted(), Self.names(.b))
        XCTAssertEqual(sets[.gate]?.keys.sorted(), Self.failedNames)
        XCTAssertNotEqual(sets[.a]?["kill.json"], sets[.b]?["kill.json"], "the two sets must differ")
        for (name, text) in Self.userFiles {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out + "/" + name))
        }
    }

    /// The stable names of the set `config` publishes.
    static func names(_ config: Config) -> [String] {
        config == .b ? (setNames + [areaWorkbook]).sorted() : setNames
    }

    func remove() { try? FileManager.default.removeItem(atPath: work) }

    /// Runs `config` into `out` (default: the bench's folder), with a fault when given:
    /// `kill` or an errno name at publish step `step`. Returns the exit status, or -signal.
    @discardableResult
    func run(_ config: Config, out: String? = nil, fault: (kind: String, step: Int)? = nil) throws -> Int32 {
        try runLogged(config, out: out, fault: fault).status
    }

    /// `run`, with what the run wrote on stderr.
    func runLogged(_ config: Config, out: String? = nil,
                   fault: (kind: String, step: Int)? = nil) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--config", try path(config), "--out", out ?? self.out, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        if let fault {
            environment["SURVEY_PIPELINE_FAULT"] = fault.kind
            environment["SURVEY_PIPELINE_FAULT_STEP"] = String(fault.step)
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return (status, text)
    }

    /// How many fault steps a publish of `config` over the folder's present state has.
    func steps(_ config: Config) throws -> Int {
        let probe = try runLogged(config, fault: ("kill", 100_000)).stderr
        let count = probe.components(separatedBy: "publish_steps=").dropFirst().first?.prefix { $0.isNumber }
        return try XCTUnwrap(count.flatMap { Int($0) }, "no step count in: \(probe)")
    }

    /// What a reader of the folder sees: every name not starting with `.`, read through its links.
    static func visible(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            // A link to nothing is a file a reader does not find.
            guard FileManager.default.fileExists(atPath: path) else { continue }
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// The published set and the quality-gate set a reader sees, split by name.
    func seen() throws -> (set: [String: Data], failed: [String: Data]) {
        let all = try Self.visible(out)
        let failed = all.filter { Self.failedNames.contains($0.key) }
        let setNames = Self.names(.b)
        XCTAssertEqual(Set(all.keys).subtracting(setNames).subtracting(Self.failedNames), [],
                       "names that are not part of a set")
        return (all.filter { setNames.contains($0.key) }, failed)
    }

    /// The folder holds exactly what the tool keeps between runs: the lock, the users' files,
    /// per published slot its current link, one run folder holding exactly the slot's files,
    /// and the stable links; nothing else.
    func assertTidy(slots: [String: [String]], file: StaticString = #filePath, line: UInt = #line) throws {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        var expected = Set([FolderLock.fileName] + Self.userFiles.keys)
        for (slot, files) in slots {
            expected.insert(OutputNames.current(slot))
            expected.formUnion(files)
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + OutputNames.current(slot))
            expected.insert(target)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/" + target).sorted(), files.sorted(),
                           "run folder of \(slot)", file: file, line: line)
            for name in files {
                XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + name),
                               OutputNames.current(slot) + "/" + name, file: file, line: line)
            }
        }
        XCTAssertEqual(names.subtracting(expected).sorted(), [], "leftovers", file: file, line: line)
        XCTAssertEqual(expected.subtracting(names).sorted(), [], "missing", file: file, line: line)
        for (name, text) in Self.userFiles {
            XCTAssertEqual(try String(contentsOfFile: out + "/" + name, encoding: .utf8), text, file: file, line: line)
        }
    }

    /// The quality-gate set as the tool lays it out: its run folder's name and files, and the
    /// names of its current link and stable links with their targets.
    struct Layout {
        var runFolder: String
        var files: [String: Data]
        var links: [String: String]
    }

    func failedSetLayout() throws -> Layout {
        let slot = OutputNames.current(Self.report + ".failed")
        let runFolder = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + slot)
        var files: [String: Data] = [:], links = [slot: runFolder]
        for name in Self.failedNames {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + runFolder + "/" + name))
            links[name] = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + name)
        }
        return Layout(runFolder: runFolder, files: files, links: links)
    }

    /// Puts a set laid out as `layout` back into the folder (what a run ending at the gate makes,
    /// without the time a run takes).
    func plant(_ layout: Layout) throws {
        let folder = out + "/" + layout.runFolder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, data) in layout.files { try data.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        for (name, target) in layout.links {
            try? FileManager.default.removeItem(atPath: out + "/" + name)
            try FileManager.default.createSymbolicLink(atPath: out + "/" + name, withDestinationPath: target)
        }
    }

    private func path(_ config: Config) throws -> String {
        let path = work + "/pipeline-\(config.rawValue).json"
        if FileManager.default.fileExists(atPath: path) { return path }
        var json = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        json["inputs"] = ["employees": [Fixtures.path("tiny/employees.csv")],
                          "customers": [Fixtures.path("tiny/customers.csv")]]
        json["output"] = ["report_name": Self.report, "per_area": config == .b]
        var scoring = try XCTUnwrap(json["scoring"] as? [String: Any])
        scoring["quadrant_threshold"] = config == .b ? 55 : 60
        json["scoring"] = scoring
        json["quality_gate"] = ["max_reject_fraction": config == .gate ? 0.01 : 1.0]
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }
}
