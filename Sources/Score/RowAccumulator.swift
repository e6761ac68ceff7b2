import SurveyModel

/// Adds one respondent's answers to a group's partial aggregate (the hot loop
/// of the scoring core). `partial` is the group's slice of a chunk's totals.
///
/// It adds and multiplies without overflow checks (`&+`, `&*`), which lets the loops run
/// tight: no total can overflow, because `ReportBuilder` scores at most
/// `AggregateLayout.exactRowLimit` rows and no row adds more than `Int64.max` over that limit
/// to any total.
enum RowAccumulator {
    /// `units` is scratch space for at least the largest construct's k answers; `scores` gets each
    /// construct's score in units, −1 when the row has none (the breakdown cells add them).
    static func add(_ codes: UnsafeBufferPointer<UInt8>, to partial: UnsafeMutableBufferPointer<Int64>,
                    plan: AccumulatorPlan.Pointers, units: UnsafeMutableBufferPointer<Int64>,
                    scores: UnsafeMutableBufferPointer<Int64>) {
        let totals = partial.baseAddress!, u = units.baseAddress!, code = codes.baseAddress!
        totals[AggregateLayout.rowsOffset] &+= 1
        for item in 0..<plan.itemOffsets.count {
            totals[plan.itemOffsets[item] &+ Int(code[item])] &+= 1
        }
        var outcomeScore: Int64 = -1
        for index in 0..<plan.constructs.count {
            let slot = plan.constructs[index]
            scores[index] = -1
            var sum: Int64 = 0, answered = 0
            for position in slot.first..<(slot.first &+ slot.k) {
                let answer = code[plan.items[position]]
                guard answer != 0 else { continue }
                let value = plan.bases[position] &+ plan.steps[position] &* Int64(answer)
                u[answered] = value
                sum &+= value
                answered &+= 1
            }
            guard answered >= slot.minAnswered else { continue }
            let score = sum &* plan.quotients[slot.quotients &+ answered]
            scores[index] = score
            let base = totals + slot.offset
            base[0] &+= 1
            base[1] &+= score
            base[2] &+= score &* score
            if index == plan.outcome { outcomeScore = score }
            let k = slot.k
            guard answered == k else { continue }
            base[3] &+= 1
            let sums = base + 4, cross = base + 4 + k
            for i in 0..<k {
                let ui = u[i]
                sums[i] &+= ui
                let row = cross + i &* k
                for j in i..<k { row[j] &+= ui &* u[j] }
            }
        }
        guard outcomeScore >= 0 else { return }
        for driver in plan.drivers where code[driver.item] != 0 {
            let x = driver.unitBase &+ driver.unitStep &* Int64(code[driver.item])
            let base = totals + driver.offset
            base[0] &+= 1
            base[1] &+= x
            base[2] &+= outcomeScore
            base[3] &+= x &* x
            base[4] &+= outcomeScore &* outcomeScore
            base[5] &+= x &* outcomeScore
        }
    }
}

/// An `AggregateLayout` as `RowAccumulator` reads it for every row: flat arrays of plain
/// values (no per-construct arrays to retain) and each construct's L / answered looked up,
/// not divided.
struct AccumulatorPlan: Sendable {
    /// One construct: its items are `items[first..<(first + k)]` (with `bases`, `steps`), its
    /// L / answered is `quotients[quotients + answered]`, its totals start at `offset`.
    struct Construct: Sendable {
        var first: Int
        var k: Int
        var minAnswered: Int
        var quotients: Int
        var offset: Int
    }

    private let itemOffsets: [Int]
    private let items: [Int]
    private let bases: [Int64]
    private let steps: [Int64]
    private let quotients: [Int64]
    private let constructs: [Construct]
    private let outcome: Int
    private let drivers: [AggregateLayout.DriverSlot]

    init(_ layout: AggregateLayout) {
        itemOffsets = (0..<layout.itemCount).map(layout.itemOffset)
        var items: [Int] = [], bases: [Int64] = [], steps: [Int64] = [], quotients: [Int64] = []
        var constructs: [Construct] = []
        for slot in layout.constructs {
            constructs.append(Construct(first: items.count, k: slot.k, minAnswered: slot.minAnswered,
                                        quotients: quotients.count, offset: slot.offset))
            items += slot.items
            bases += slot.unitBase
            steps += slot.unitStep
            quotients += (0...slot.k).map { $0 == 0 ? 0 : slot.scale / Int64($0) }
        }
        self.items = items
        self.bases = bases
        self.steps = steps
        self.quotients = quotients
        self.constructs = constructs
        outcome = layout.outcome ?? -1
        drivers = layout.drivers
    }

    /// The arrays lent as pointers, valid inside `body` only.
    struct Pointers {
        let itemOffsets: UnsafeBufferPointer<Int>
        let items: UnsafeBufferPointer<Int>
        let bases: UnsafeBufferPointer<Int64>
        let steps: UnsafeBufferPointer<Int64>
        let quotients: UnsafeBufferPointer<Int64>
        let constructs: UnsafeBufferPointer<Construct>
        /// Index of the drivers' outcome construct, −1 when none.
        let outcome: Int
        let drivers: UnsafeBufferPointer<AggregateLayout.DriverSlot>
    }

    func withPointers<Result>(_ body: (Pointers) -> Result) -> Result {
        itemOffsets.withUnsafeBufferPointer { itemOffsets in
            items.withUnsafeBufferPointer { items in
                bases.withUnsafeBufferPointer { bases in
                    steps.withUnsafeBufferPointer { steps in
                        quotients.withUnsafeBufferPointer { quotients in
                            constructs.withUnsafeBufferPointer { constructs in
                                drivers.withUnsafeBufferPointer { drivers in
                                    body(Pointers(itemOffsets: itemOffsets, items: items, bases: bases, steps: steps,
                                                  quotients: quotients, constructs: constructs, outcome: outcome,
                                                  drivers: drivers))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
