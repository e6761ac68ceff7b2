import RowStorage
import SurveyModel

/// What one chunk gives besides the group totals: the report wave's comments, the
/// breakdown values it saw first, and the range of submission times.
struct ChunkOutput {
    var failure: PipelineError?
    /// Earliest and latest `submitted` of the rows scored (waves up to the report wave).
    var first = Int64.max
    var last = Int64.min
    /// Report-wave comments and the area of each.
    var comments = TextColumn()
    var commentAreas: [UInt16] = []
    /// Per breakdown column, value index → the pool code of the value's first report-wave row
    /// in this chunk: the name the value is shown by.
    var firstSeen: [[Int32: UInt32]] = []
    /// Per comment, its themes and digest prefix; per area, its comment and theme counts (`CommentPass`).
    var commentThemes: [UInt64] = []
    var commentDigests: [UInt64] = []
    var themeCounts: [Int64] = []
}

/// The chunks of one survey's rows as tasks of the scoring core: chunk `c` is
/// read back, its kept rows are added to the running totals of the worker that
/// runs it, and its side results go to output slot `c`. The totals are integers,
/// so however the chunks fall to workers, the sum is the same to the bit.
///
/// `@unchecked Sendable` is safe: the inputs are immutable; task `c` writes only
/// output slot `c` and runs once (`TaskPool` hands each number out once); worker
/// `w` writes only accumulator `w` and breakdown cells `w` and is one thread at a time (one
/// `concurrentPerform` iteration); `totals()`, `cellTotals()` and `outputs` are read only
/// after the pool has returned.
final class ChunkJob: @unchecked Sendable {
    let rows: SurveyRows
    let layout: AggregateLayout
    private let plan: AccumulatorPlan
    let waves: [Int32]
    let areaCount: Int
    /// The wave whose comments and breakdowns are collected.
    let reportWave: Int32?
    /// The breakdown cells counted in the report wave, if any.
    let breakdowns: BreakdownPlan?
    /// Themes, digests and counts of the report wave's comments, when collected.
    let commentPass: CommentPass?
    let chunks: [(part: Int, index: Int)]
    private let width: Int
    private let workers: Int
    private let accumulators: UnsafeMutableBufferPointer<Int64>
    private let slots: UnsafeMutableBufferPointer<ChunkOutput>
    /// Per worker, its breakdown cells.
    private let cells: UnsafeMutableBufferPointer<BreakdownCells>

    init(_ rows: SurveyRows, layout: AggregateLayout, waves: [Int32], areaCount: Int, reportWave: Int32?,
         breakdowns: BreakdownPlan?, commentPass: CommentPass? = nil, workers: Int) {
        self.rows = rows
        self.layout = layout
        plan = AccumulatorPlan(layout)
        self.waves = waves
        self.areaCount = areaCount
        self.reportWave = reportWave
        self.breakdowns = reportWave == nil ? nil : breakdowns
        self.commentPass = commentPass
        chunks = rows.parts.enumerated().flatMap { part, store in (0..<store.chunkCount).map { (part, $0) } }
        width = waves.count * areaCount * layout.width
        self.workers = max(1, workers)
        accumulators = .allocate(capacity: self.workers * width)
        accumulators.initialize(repeating: 0)
        slots = .allocate(capacity: max(chunks.count, 1))
        slots.initialize(repeating: ChunkOutput())
        cells = .allocate(capacity: self.workers)
        cells.initialize(repeating: BreakdownCells())
    }

    deinit {
        accumulators.deallocate()
        cells.deinitialize().deallocate()
        slots.deinitialize().deallocate()
    }

    var chunkCount: Int { chunks.count }

    func run(chunk: Int, worker: Int) {
        let (part, index) = chunks[chunk]
        do throws(PipelineError) {
            let table = try rows.parts[part].chunk(index)
            slots[chunk] = add(table, mask: rows.excluded[part], firstRow: index * RowStore.chunkRows,
                               to: UnsafeMutableBufferPointer(rebasing:
                                   accumulators[(worker * width)..<((worker + 1) * width)]),
                               part: part, cells: cells.baseAddress! + worker)
        } catch {
            slots[chunk].failure = error
        }
    }

    private func add(_ table: ResponseTable, mask: RowMask?, firstRow: Int,
                     to totals: UnsafeMutableBufferPointer<Int64>, part: Int,
                     cells: UnsafeMutablePointer<BreakdownCells>) -> ChunkOutput {
        var output = ChunkOutput()
        if let breakdowns {
            output.firstSeen = Array(repeating: [:], count: breakdowns.columnCount)
        }
        let groupWidth = layout.width, items = table.itemCount
        let unitCount = max(1, layout.largestConstruct)
        var scratch = ThemeMatcher.Scratch()
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: unitCount + max(1, layout.constructs.count)) { scratch64 in
            let units = UnsafeMutableBufferPointer(rebasing: scratch64[..<unitCount])
            let scores = UnsafeMutableBufferPointer(rebasing: scratch64[unitCount...])
            table.answers.withUnsafeBufferPointer { answers in plan.withPointers { plan in
                for row in 0..<table.count {
                    if let mask, mask.contains(firstRow + row) { continue }
                    let key = table.wave[row]
                    guard let wave = waves.firstIndex(of: key) else { continue }
                    let area = Int(table.area[row])
                    let group = wave * areaCount + area
                    RowAccumulator.add(UnsafeBufferPointer(rebasing: answers[(row * items)..<((row + 1) * items)]),
                                       to: UnsafeMutableBufferPointer(rebasing:
                                           totals[(group * groupWidth)..<((group + 1) * groupWidth)]),
                                       plan: plan, units: units, scores: scores)
                    output.first = min(output.first, table.submitted[row])
                    output.last = max(output.last, table.submitted[row])
                    guard key == reportWave else { continue }
                    if !table.comments[row].isEmpty {
                        output.comments.append(table.comments[row])
                        output.commentAreas.append(UInt16(area))
                        commentPass?.add(table.comments[row], area: area, to: &output, scratch: &scratch)
                    }
                    if let breakdowns {
                        let answer = breakdowns.recommendItem.map { Int(answers[row * items + $0]) }
                        for column in output.firstSeen.indices {
                            let code = table.breakdowns[column][row]
                            let value = breakdowns.recode[column][part][Int(code)]
                            if output.firstSeen[column][value] == nil { output.firstSeen[column][value] = code }
                            cells.pointee.add(breakdowns.cell(column: column, value: Int(value), area: area),
                                              scores: UnsafeBufferPointer(scores), answer: answer, plan: breakdowns)
                        }
                    }
                }
            } }
        }
        return output
    }

    /// The chunk outputs in chunk order, with the part each chunk belongs to.
    /// - Throws: the first chunk's failure to read back, in chunk order.
    func outputs() throws(PipelineError) -> [(part: Int, output: ChunkOutput)] {
        var result: [(part: Int, output: ChunkOutput)] = []
        for chunk in chunks.indices {
            if let failure = slots[chunk].failure { throw failure }
            result.append((chunks[chunk].part, slots[chunk]))
        }
        return result
    }

    /// The workers' totals added, in worker order.
    func totals() -> GroupTotals {
        var totals = [Int64](repeating: 0, count: width)
        for worker in 0..<workers {
            let base = worker * width
            for index in 0..<width { totals[index] += accumulators[base + index] }
        }
        return GroupTotals(layout: layout, waves: waves, areaCount: areaCount, totals: totals)
    }

    /// The workers' breakdown cells added, in worker order.
    func cellTotals() -> BreakdownCells {
        var merged = BreakdownCells()
        for worker in 0..<workers { merged.merge(cells[worker], width: breakdowns?.cellWidth ?? 0) }
        return merged
    }
}
