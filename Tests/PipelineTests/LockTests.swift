import Dispatch
import Foundation
import Pipeline
import SurveyModel
import XCTest

/// SPEC §8: two runs on one output folder never interleave. While the folder's lock is
/// held (here by the test, as another run would), a run that does not wait fails at once
/// with exit 1 and a message saying another run holds the folder, publishing nothing; a
/// run that waits long enough publishes once the lock is released.
final class LockTests: XCTestCase {
    func testRunWithoutWaitingFailsWhileTheFolderIsLocked() throws {
        let out = try Fixtures.temporaryFolder()
        let lock = try FolderLock(folder: out, wait: 0)
        defer { withExtendedLifetime(lock) {} }
        var options = tinyOptions(out)
        options.waitSeconds = 0
        XCTAssertThrowsError(try Runner.run(options)) { error in
            guard let error = error as? PipelineError, case .other(let message) = error else {
                return XCTFail("expected PipelineError.other, got \(error)")
            }
            XCTAssertEqual(error.exitCode, 1)
            XCTAssertTrue(message.contains("another survey-pipeline run holds \(out)"), message)
            XCTAssertTrue(message.contains("--wait"), message)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [FolderLock.fileName])
    }

    func testWaitingRunPublishesOnceTheLockIsReleased() throws {
        let out = try Fixtures.temporaryFolder()
        let holder = LockHolder(try FolderLock(folder: out, wait: 0))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { holder.release() }
        var options = tinyOptions(out)
        options.waitSeconds = 2
        let outcome = try Runner.run(options)
        XCTAssertTrue(holder.isReleased, "the run published while the lock was held")
        for path in [outcome.jsonPath, outcome.rejectsPath, try XCTUnwrap(outcome.workbookPath)] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
        }
    }

    func testLockWaitGivesUpAfterTheDeadline() throws {
        let out = try Fixtures.temporaryFolder()
        let lock = try FolderLock(folder: out, wait: 0)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        XCTAssertThrowsError(try FolderLock(folder: out, wait: 0.3))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
    }

    /// The command line says the same on stderr, with exit status 1.
    func testCommandLineExitsWithOneWhileTheFolderIsLocked() throws {
        let binary = try CLI.binary()
        let out = try Fixtures.temporaryFolder()
        let lock = try FolderLock(folder: out, wait: 0)
        defer { withExtendedLifetime(lock) {} }
        let stderr = Pipe()
        let process = try CLI.start(binary, ["run", "--config", Fixtures.path("tiny/pipeline.json"), "--out", out,
                                             "--quiet", "--wait", "0"], stderr: stderr)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(message.contains("error: another survey-pipeline run holds \(out)"), message)
    }

    private func tinyOptions(_ out: String) -> RunOptions {
        var options = RunOptions()
        options.configPath = Fixtures.path("tiny/pipeline.json")
        options.outputFolder = out
        options.log = RunLog(format: .text, quiet: true)
        return options
    }
}

/// Holds a `FolderLock` until another thread releases it.
///
/// `@unchecked Sendable` is safe: the lock reference is only touched under `guardLock`.
private final class LockHolder: @unchecked Sendable {
    private let guardLock = NSLock()
    private var lock: FolderLock?

    init(_ lock: FolderLock) { self.lock = lock }

    func release() { guardLock.withLock { lock = nil } }

    var isReleased: Bool { guardLock.withLock { lock == nil } }
}

/// What killed runs left is removed by the next run that holds the lock — only names the
/// tool makes (its prefix and a 16-hex-digit run id), never a user's look-alike.
final class LeftoverTests: XCTestCase {
    func testNextRunRemovesOnlyWhatKilledRunsLeft() throws {
        let out = try Fixtures.temporaryFolder()
        let stale = [".survey-pipeline-tmp-0123456789abcdef-readiness-2026-Q3.xlsx",
                     ".survey-pipeline-tmp-0123456789abcdef-current"]
        let kept = [".tmp-notes.txt", ".tmp-99999-readiness-2026-Q3.xlsx", ".survey-pipeline-tmp-notes",
                    ".survey-pipeline-tmp-0123456789ABCDEF-x", ".survey-pipeline-run-notes"]
        for name in stale + kept { try Data("someone's bytes".utf8).write(to: URL(fileURLWithPath: out + "/" + name)) }
        let staleFolder = out + "/.survey-pipeline-run-fedcba9876543210"
        try FileManager.default.createDirectory(atPath: staleFolder, withIntermediateDirectories: false)
        try Data("half a workbook".utf8).write(to: URL(fileURLWithPath: staleFolder + "/readiness-2026-Q3.xlsx"))
        try FileManager.default.createSymbolicLink(atPath: out + "/readiness-2026-Q2.json",
                                                   withDestinationPath: ".survey-pipeline-current-gone/readiness-2026-Q2.json")
        var options = RunOptions()
        options.configPath = Fixtures.path("tiny/pipeline.json")
        options.outputFolder = out
        options.log = RunLog(format: .text, quiet: true)
        _ = try Runner.run(options)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let runFolders = names.filter { $0.hasPrefix(".survey-pipeline-run-") && !kept.contains($0) }
        XCTAssertEqual(runFolders.count, 1, "\(names)")
        XCTAssertEqual(names, (kept + runFolders + [".survey-pipeline-current-readiness-2026-Q3", ".survey-pipeline.lock",
                                                    "readiness-2026-Q3.comments.csv",
                                                    "readiness-2026-Q3.json", "readiness-2026-Q3.rejects.csv",
                                                    "readiness-2026-Q3.xlsx"]).sorted())
        for name in kept {
            XCTAssertEqual(try String(contentsOfFile: out + "/" + name, encoding: .utf8), "someone's bytes", name)
        }
    }
}
