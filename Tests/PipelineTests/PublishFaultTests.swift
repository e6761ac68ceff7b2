import Foundation
import Pipeline
import XCTest

/// SPEC §8, all-or-nothing publishing, proven by fault injection over the `survey-pipeline`
/// binary (`SURVEY_PIPELINE_FAULT_STEP`, see docs/PUBLISHING.md): a run is killed with SIGKILL
/// before each file-system operation of its publish in turn, or that operation fails with EIO,
/// ENOSPC or EISDIR. After every such run a reader sees exactly one complete set, byte-identical
/// to the previous or to the new one (a failed run: the previous one), and the next run
/// succeeds and leaves nothing but its set (no link of a per-area workbook the new set does
/// not have: `b`'s set has one, `a`'s not). Every loop asserts it reached a step past the last
/// one, so a hook that stopped working would fail the test rather than pass it.
final class PublishFaultTests: XCTestCase {
    private typealias Config = PublishBench.Config

    func testKillAtEveryStepOfAPublish() throws {
        let bench = try PublishBench()
        defer { bench.remove() }
        XCTAssertEqual(try bench.run(.a), 0)
        var (previous, next) = (Config.a, Config.b)
        var sawPrevious = false, sawNext = false
        for step in 1... {
            let status = try bench.run(next, fault: ("kill", step))
            let seen = try bench.seen()
            if status == 0 {
                XCTAssertEqual(seen.set, bench.sets[next], "a run whose fault step was never reached")
                XCTAssertGreaterThan(step, 20, "too few steps: is the fault hook alive?")
                break
            }
            XCTAssertEqual(status, -SIGKILL, "step \(step)")
            XCTAssertTrue(seen.set == bench.sets[previous] || seen.set == bench.sets[next], "step \(step): a mixed set")
            sawPrevious = sawPrevious || seen.set == bench.sets[previous]
            sawNext = sawNext || seen.set == bench.sets[next]
            XCTAssertEqual(seen.failed, [:], "step \(step)")
            XCTAssertEqual(try bench.run(next), 0, "the run after a kill at step \(step)")
            XCTAssertEqual(try bench.seen().set, bench.sets[next])
            try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(next)])
            swap(&previous, &next)
            guard step < 200 else { return XCTFail("the publish never ended") }
        }
        XCTAssertTrue(sawPrevious && sawNext, "kills before and after the switch")
    }

    /// A failed operation before the switch fails the run with exit 1 and the previous set
    /// standing; one after it (tidying up) is a warning, and the new set stands.
    func testFailureAtEveryStepOfAPublish() throws {
        let bench = try PublishBench()
        defer { bench.remove() }
        XCTAssertEqual(try bench.run(.a), 0)
        let steps = try bench.steps(.b)
        XCTAssertGreaterThan(steps, 20)
        var (previous, next) = (Config.b, Config.a)
        var failures = 0
        // Each step fails once, with the three errors in turn (a pass per error costs 3× the time).
        for (index, kind) in ["EIO", "ENOSPC", "EISDIR"].enumerated() {
            for step in stride(from: 1 + index, through: steps, by: 3) {
                let (status, stderr) = try bench.runLogged(next, fault: (kind, step))
                let seen = try bench.seen()
                switch status {
                case 1:
                    failures += 1
                    XCTAssertEqual(seen.set, bench.sets[previous], "\(kind) at step \(step): the previous set")
                    XCTAssertEqual(stderr.split(separator: "\n").count, 1, stderr)
                    XCTAssertTrue(stderr.hasPrefix("error: cannot "), stderr)
                case 0:
                    XCTAssertEqual(seen.set, bench.sets[next], "\(kind) at step \(step): the new set")
                default:
                    XCTFail("\(kind) at step \(step): exit \(status): \(stderr)")
                }
                XCTAssertEqual(try bench.run(next), 0, "the run after \(kind) at step \(step)")
                XCTAssertEqual(try bench.seen().set, bench.sets[next])
                try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(next)])
                swap(&previous, &next)
            }
        }
        XCTAssertGreaterThan(failures, 10, "most steps come before the switch")
    }

    /// Above the quality gate nothing is published: the previous set stands through every kill,
    /// and `kill.failed.json` with `kill.failed.rejects.csv` appear both or neither.
    func testKillAtEveryStepOfAQualityGateFailure() throws {
        let bench = try PublishBench()
        defer { bench.remove() }
        XCTAssertEqual(try bench.run(.a), 0)
        let slots = [PublishBench.report: PublishBench.setNames, PublishBench.report + ".failed": PublishBench.failedNames]
        for step in 1... {
            let status = try bench.run(.gate, fault: ("kill", step))
            let seen = try bench.seen()
            XCTAssertEqual(seen.set, bench.sets[.a], "step \(step): the published set stands")
            if status == 4 {
                XCTAssertEqual(seen.failed, bench.sets[.gate])
                XCTAssertGreaterThan(step, 10, "too few steps: is the fault hook alive?")
                try bench.assertTidy(slots: slots)
                break
            }
            XCTAssertEqual(status, -SIGKILL, "step \(step)")
            XCTAssertTrue(seen.failed.isEmpty || seen.failed == bench.sets[.gate], "step \(step): half a failed set")
            XCTAssertEqual(try bench.run(.gate), 4)
            try bench.assertTidy(slots: slots)
            guard step < 200 else { return XCTFail("the publish never ended") }
        }
        // The next successful run removes the failed set.
        XCTAssertEqual(try bench.run(.b), 0)
        XCTAssertEqual(try bench.seen().failed, [:])
        try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(.b)])
    }

    /// A successful run after a failed one withdraws the failed set only after its switch.
    func testKillAtEveryStepOfASuccessAfterAQualityGateFailure() throws {
        let bench = try PublishBench()
        defer { bench.remove() }
        XCTAssertEqual(try bench.run(.a), 0)
        XCTAssertEqual(try bench.run(.gate), 4)
        let failedSet = try bench.failedSetLayout()
        var (previous, next) = (Config.a, Config.b)
        for step in 1... {
            try bench.plant(failedSet)
            let status = try bench.run(next, fault: ("kill", step))
            let seen = try bench.seen()
            if status == 0 {
                XCTAssertEqual(seen.set, bench.sets[next])
                XCTAssertEqual(seen.failed, [:])
                XCTAssertGreaterThan(step, 20, "too few steps: is the fault hook alive?")
                break
            }
            XCTAssertEqual(status, -SIGKILL, "step \(step)")
            if seen.set == bench.sets[previous] {
                XCTAssertEqual(seen.failed, bench.sets[.gate], "step \(step): withdrawn before the switch")
            } else {
                XCTAssertEqual(seen.set, bench.sets[next], "step \(step): a mixed set")
                XCTAssertTrue(seen.failed.isEmpty || seen.failed == bench.sets[.gate], "step \(step)")
            }
            XCTAssertEqual(try bench.run(next), 0)
            XCTAssertEqual(try bench.seen().failed, [:])
            try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(next)])
            swap(&previous, &next)
            guard step < 200 else { return XCTFail("the publish never ended") }
        }
    }

    /// The first run over an older release's regular files adopts them as a set (hard links,
    /// so a reader sees the same bytes) before switching to its own; killed anywhere, the folder
    /// still shows the old files or the new set.
    func testKillAtEveryStepOfTheFirstRunOverAnOlderRelease() throws {
        let bench = try PublishBench()
        defer { bench.remove() }
        let old = try XCTUnwrap(bench.sets[.a])
        for step in 1... {
            for name in try FileManager.default.contentsOfDirectory(atPath: bench.out)
            where PublishBench.userFiles[name] == nil {
                try FileManager.default.removeItem(atPath: bench.out + "/" + name)
            }
            for (name, data) in old { try data.write(to: URL(fileURLWithPath: bench.out + "/" + name)) }
            let status = try bench.run(.b, fault: ("kill", step))
            let seen = try bench.seen()
            if status == 0 {
                XCTAssertEqual(seen.set, bench.sets[.b])
                XCTAssertGreaterThan(step, 20, "too few steps: is the fault hook alive?")
                try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(.b)])
                break
            }
            XCTAssertEqual(status, -SIGKILL, "step \(step)")
            XCTAssertTrue(seen.set == old || seen.set == bench.sets[.b], "step \(step): a mixed set")
            XCTAssertEqual(try bench.run(.b), 0)
            XCTAssertEqual(try bench.seen().set, bench.sets[.b])
            try bench.assertTidy(slots: [PublishBench.report: PublishBench.names(.b)])
            guard step < 200 else { return XCTFail("the publish never ended") }
        }
    }
}
