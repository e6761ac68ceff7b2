import Dispatch
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
        let groupCount = waves.count * areaCount
        let partialWidth = groupCount * layout.width
        let chunkCount = (table.count + chunkRows - 1) / chunkRows
        let slots = ChunkSlots(chunks: max(chunkCount, 1), width: partialWidth)
        defer { slots.deallocate() }
        let workers = max(1, min(jobs, chunkCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            table.answers.withUnsafeBufferPointer { answers in
                for chunk in stride(from: worker, to: chunkCount, by: workers) {
                    accumulate(chunk: chunk, table: table, answers: answers, layout: layout, waves: waves,
                               areaCount: areaCount, into: slots.slot(chunk))
                }
            }
        }
        var totals = [Int64](repeating: 0, count: partialWidth)
        for chunk in 0..<chunkCount {
            let slot = slots.slot(chunk)
            for index in 0..<partialWidth { totals[index] += slot[index] }
        }
        return GroupTotals(layout: layout, waves: waves, areaCount: areaCount, totals: totals)
    }

    private static func accumulate(chunk: Int, table: ResponseTable, answers: UnsafeBufferPointer<UInt8>,
                                   layout: AggregateLayout, waves: [Int32], areaCount: Int,
                                   into slot: UnsafeMutableBufferPointer<Int64>) {
        let width = layout.width, items = table.itemCount
        for row in (chunk * chunkRows)..<min(table.count, (chunk + 1) * chunkRows) {
            guard let wave = waves.firstIndex(of: table.wave[row]) else { continue }
            let group = wave * areaCount + Int(table.area[row])
            RowAccumulator.add(UnsafeBufferPointer(rebasing: answers[(row * items)..<((row + 1) * items)]),
                               to: UnsafeMutableBufferPointer(rebasing: slot[(group * width)..<((group + 1) * width)]),
                               layout: layout)
        }
    }
}

/// One zeroed block of totals per chunk, in one allocation.
///
/// `@unchecked Sendable` is safe here: the workers of `ScoringCore.aggregate` each
/// write only the slots of their own chunks (chunk `c` goes to exactly one worker),
/// and the slots are read only after `concurrentPerform` has returned.
private struct ChunkSlots: @unchecked Sendable {
    let storage: UnsafeMutableBufferPointer<Int64>
    let width: Int

    init(chunks: Int, width: Int) {
        storage = .allocate(capacity: chunks * width)
        storage.initialize(repeating: 0)
        self.width = width
    }

    func slot(_ chunk: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(rebasing: storage[(chunk * width)..<((chunk + 1) * width)])
    }

    func deallocate() { storage.deallocate() }
}
