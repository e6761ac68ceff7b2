import Dispatch
import Synchronization
import SurveyModel

/// The totals of every (wave, area) group of one survey kind, ready for the statistics.
public struct GroupTotals: Sendable {
    public let layout: AggregateLayout
    /// Wave keys in order; rows of other waves were skipped.
    public let waves: [Int32]
    public let areaCount: Int
    /// `waves.count × areaCount` groups of `layout.width` totals each.
    public let totals: [Int64]

    public func group(wave: Int, area: Int) -> ArraySlice<Int64> {
        let start = (wave * areaCount + area) * layout.width
        return totals[start..<(start + layout.width)]
    }

    /// The whole organization in one wave: every area's totals added.
    public func allAreas(wave: Int) -> ArraySlice<Int64> {
        var sum = [Int64](repeating: 0, count: layout.width)
        for area in 0..<areaCount {
            for (index, value) in group(wave: wave, area: area).enumerated() { sum[index] += value }
        }
        return sum[...]
    }
}

/// The parallel scoring core (SPEC §6): rows are cut into fixed-size chunks,
/// each chunk's partial totals go to its own slot, and the slots are added in
/// chunk order. The totals are integers, so the result is the same for every
/// number of jobs, to the bit.
public enum ScoringCore {
    public static let chunkRows = 32_768

    public static func aggregate(_ table: ResponseTable, layout: AggregateLayout, waves: [Int32], areaCount: Int,
                                 jobs: Int) -> GroupTotals {
        let job = ChunkJob(table, layout: layout, waves: waves, areaCount: areaCount)
        TaskPool.run(jobs: jobs, tasks: job.chunkCount) { job.run(chunk: $0) }
        return job.totals()
    }
}

/// The chunks of one table: each chunk is an independent task that fills its own
/// slot of partial totals; `totals()` adds the slots in chunk order.
///
/// `@unchecked Sendable` is safe: the inputs are immutable, chunk `c` writes only
/// slot `c` and is run exactly once (`TaskPool` hands each index out once), and
/// `totals()` reads the slots only after the pool has returned.
final class ChunkJob: @unchecked Sendable {
    let table: ResponseTable
    let layout: AggregateLayout
    let waves: [Int32]
    let areaCount: Int
    let chunkCount: Int
    private let width: Int
    private let slots: UnsafeMutableBufferPointer<Int64>

    init(_ table: ResponseTable, layout: AggregateLayout, waves: [Int32], areaCount: Int) {
        self.table = table
        self.layout = layout
        self.waves = waves
        self.areaCount = areaCount
        chunkCount = (table.count + ScoringCore.chunkRows - 1) / ScoringCore.chunkRows
        width = waves.count * areaCount * layout.width
        slots = .allocate(capacity: max(chunkCount, 1) * width)
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    func run(chunk: Int) {
        let slot = UnsafeMutableBufferPointer(rebasing: slots[(chunk * width)..<((chunk + 1) * width)])
        let groupWidth = layout.width, items = table.itemCount
        let rows = (chunk * ScoringCore.chunkRows)..<min(table.count, (chunk + 1) * ScoringCore.chunkRows)
        table.answers.withUnsafeBufferPointer { answers in
            for row in rows {
                guard let wave = waves.firstIndex(of: table.wave[row]) else { continue }
                let group = wave * areaCount + Int(table.area[row])
                RowAccumulator.add(UnsafeBufferPointer(rebasing: answers[(row * items)..<((row + 1) * items)]),
                                   to: UnsafeMutableBufferPointer(rebasing:
                                       slot[(group * groupWidth)..<((group + 1) * groupWidth)]),
                                   layout: layout)
            }
        }
    }

    func totals() -> GroupTotals {
        var totals = [Int64](repeating: 0, count: width)
        for chunk in 0..<chunkCount {
            let base = chunk * width
            for index in 0..<width { totals[index] += slots[base + index] }
        }
        return GroupTotals(layout: layout, waves: waves, areaCount: areaCount, totals: totals)
    }
}

/// Runs `tasks` numbered tasks on at most `jobs` threads; a thread that finishes a
/// task takes the next number, so long and short tasks balance. Every number runs once.
enum TaskPool {
    static func run(jobs: Int, tasks: Int, _ body: @Sendable (Int) -> Void) {
        guard tasks > 0 else { return }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, tasks))) { _ in
            while true {
                let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard task < tasks else { return }
                body(task)
            }
        }
    }
}
