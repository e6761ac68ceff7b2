import SurveyModel

/// Where each running total of one group lives in a flat `[Int64]` partial
/// aggregate of one survey kind. Every total is an integer (answers are small
/// integers on 0…R; construct scores are counted in units of 100 / (R · L),
/// `ConstructUnits`), so partials merge by plain addition, exactly, in any order.
public struct AggregateLayout: Sendable {
    /// One construct's place in the layout.
    public struct ConstructSlot: Sendable {
        public var name: String
        /// Form item indices.
        public var items: [Int]
        public var reversed: [Bool]
        /// Per item: u = base + step · code on 0…R (normalized value = 100 · u / R), reversal included.
        public var unitBase: [Int64]
        public var unitStep: [Int64]
        /// Least number of answered items for a score.
        public var minAnswered: Int
        /// A score is stored as Σu · (L / answered): R = units.itemRange, L = units.answeredScale.
        public var units: ConstructUnits
        public var scale: Int64 { units.answeredScale }
        /// Offset of n, Σy, Σy², complete cases m, Σu_i (k), Σu_i·u_j (k·k).
        public var offset: Int
        public var k: Int { items.count }
        public var sumsOffset: Int { offset + 4 }
        public var crossOffset: Int { offset + 4 + k }
    }

    /// One driver item: n, Σx, Σy, Σx², Σy², Σxy over rows with the item and the outcome.
    public struct DriverSlot: Sendable {
        public var item: Int
        public var reversed: Bool
        /// x = base + step · code on 0…range (the item's own scale), reversal included.
        public var unitBase: Int64
        public var unitStep: Int64
        /// The item's max − min: its normalized value is 100 · x / range.
        public var range: Int64
        public var offset: Int
    }

    public let kind: SurveyKind
    public let itemCount: Int
    public let constructs: [ConstructSlot]
    /// Index into `constructs` of the drivers' outcome (employee_life), if this kind has drivers.
    public let outcome: Int?
    public let drivers: [DriverSlot]
    /// The most items of one construct (scratch space of the accumulator).
    public var largestConstruct: Int { constructs.map(\.k).max() ?? 0 }
    /// Total length of one group's partial.
    public let width: Int
    /// The most rows whose totals stay exact in 64 bits: no row adds more than `Int64.max / exactRowLimit`
    /// to any total (a score y ≤ R·L adds y²; an item pair at most R²; a driver x·y, x², y²).
    /// `RowAccumulator` adds without overflow checks; `ReportBuilder` refuses more rows than this.
    public let exactRowLimit: Int

    /// Codes of a 0–10 answer: 0 = missing, 1…11 (the breakdowns' NPS counts).
    public static let codes = 12
    /// Counts kept per item: 0 = missing, 1…max − min + 1 of the widest scale (at least `codes`).
    public let codeStride: Int
    public static let rowsOffset = 0
    public func itemOffset(_ item: Int) -> Int { 1 + item * codeStride }

    /// - Parameter roles: which constructs are employee_life and the driver constructs (SPEC §5 Roles).
    public init(instrument: Instrument, kind: SurveyKind, minAnsweredFraction: Double,
                roles: ConstructRoles = ConstructRoles()) {
        let form = instrument.form(kind)
        self.kind = kind
        itemCount = form.items.count
        codeStride = form.items.map { Int($0.scale.maxCode) + 1 }.reduce(Self.codes, max)
        var offset = 1 + itemCount * codeStride
        var constructs: [ConstructSlot] = []
        for construct in instrument.constructs(of: kind) {
            let items = construct.items.compactMap(form.itemIndex)
            let k = items.count
            let minimum = max(1, Int((Double(k) * minAnsweredFraction - 1e-9).rounded(.up)))
            // The loader refuses constructs whose units would not fit.
            let units = ConstructUnits(ranges: items.map { form.items[$0].scale.range }) ?? .one
            let steps = items.map { (form.items[$0], units.itemRange / Int64(form.items[$0].scale.range)) }
            constructs.append(ConstructSlot(name: construct.name, items: items,
                                            reversed: items.map { form.items[$0].reversed },
                                            unitBase: steps.map { Self.unit($0.0, multiplier: $0.1).base },
                                            unitStep: steps.map { Self.unit($0.0, multiplier: $0.1).step },
                                            minAnswered: minimum, units: units, offset: offset))
            offset += 4 + k + k * k
        }
        self.constructs = constructs
        outcome = kind == .employee ? constructs.firstIndex { $0.name == roles[.employeeLife] } : nil
        var drivers: [DriverSlot] = []
        if outcome != nil {
            for construct in instrument.constructs(of: kind) where roles.driverConstructs.contains(construct.name) {
                for key in construct.items {
                    guard let item = form.itemIndex(key) else { continue }
                    let unit = Self.unit(form.items[item], multiplier: 1)
                    drivers.append(DriverSlot(item: item, reversed: form.items[item].reversed, unitBase: unit.base,
                                              unitStep: unit.step, range: Int64(form.items[item].scale.range),
                                              offset: offset))
                    offset += 6
                }
            }
        }
        self.drivers = drivers
        width = offset
        exactRowLimit = Self.exactRowLimit(constructs: constructs, drivers: drivers,
                                           outcome: outcome.map { constructs[$0] })
    }

    /// `Int64.max` over the largest amount one row adds to a total.
    private static func exactRowLimit(constructs: [ConstructSlot], drivers: [DriverSlot],
                                      outcome: ConstructSlot?) -> Int {
        var largest: Int64 = 1
        for slot in constructs {
            let score = slot.units.itemRange * slot.units.answeredScale
            largest = max(largest, score * score, slot.units.itemRange * slot.units.itemRange)
        }
        let outcomeScore = outcome.map { $0.units.itemRange * $0.units.answeredScale } ?? 1
        for driver in drivers { largest = max(largest, driver.range * max(driver.range, outcomeScore)) }
        return Int(Int64.max / largest)
    }
}

extension AggregateLayout {
    /// u = base + step · code for a stored code (value − min + 1): (code − 1) · m, or
    /// (range + 1 − code) · m when reversed, m the multiplier onto the construct's 0…R.
    static func unit(_ item: Item, multiplier: Int64) -> (base: Int64, step: Int64) {
        item.reversed ? ((Int64(item.scale.range) + 1) * multiplier, -multiplier) : (-multiplier, multiplier)
    }
}
