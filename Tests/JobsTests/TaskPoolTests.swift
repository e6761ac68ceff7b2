import Jobs
import Synchronization
import XCTest

/// The job pool runs every task number exactly once, on no more workers than asked,
/// and each result lands in its own slot whatever the order tasks finish in.
final class TaskPoolTests: XCTestCase {
    func testEveryTaskRunsOnceAndFillsItsOwnSlot() {
        let tasks = 1_000
        let runs = Atomic<Int>(0)
        let slots = ResultSlots<Int>(count: tasks)
        TaskPool.run(jobs: 2, tasks: tasks) { worker, task in
            XCTAssertLessThan(worker, 2)
            runs.wrappingAdd(1, ordering: .relaxed)
            slots.set(task, task * 3)
        }
        XCTAssertEqual(runs.load(ordering: .relaxed), tasks)
        XCTAssertEqual(slots.values, (0..<tasks).map { $0 * 3 })
    }

    func testWorkersAreBoundedByJobsAndTasks() {
        XCTAssertEqual(TaskPool.workers(jobs: 8, tasks: 3), 3)
        XCTAssertEqual(TaskPool.workers(jobs: 2, tasks: 100), 2)
        XCTAssertEqual(TaskPool.workers(jobs: 0, tasks: 0), 1)
    }

    func testNoTasksRunNothing() {
        TaskPool.run(jobs: 2, tasks: 0) { _, _ in XCTFail("no task to run") }
    }

    func testPairKeepsItsOrderWithOneJobOrTwo() {
        for jobs in [1, 2] {
            let (first, second) = Parallel.pair(jobs: jobs, { "first" }, { 2 })
            XCTAssertEqual(first, "first")
            XCTAssertEqual(second, 2)
        }
    }
}
