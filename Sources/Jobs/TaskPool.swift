import Dispatch
import Synchronization

/// Runs `tasks` numbered tasks on at most `jobs` threads; a thread that finishes a
/// task takes the next number, so long and short tasks balance. Every number runs
/// once. `body` also gets the number of the thread (worker) running it, below `workers(jobs:tasks:)`.
public enum TaskPool {
    public static func workers(jobs: Int, tasks: Int) -> Int { max(1, min(jobs, tasks)) }

    public static func run(jobs: Int, tasks: Int, _ body: @Sendable (_ worker: Int, _ task: Int) -> Void) {
        guard tasks > 0 else { return }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers(jobs: jobs, tasks: tasks)) { worker in
            while true {
                let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard task < tasks else { return }
                body(worker, task)
            }
        }
    }
}
