import SurveyModel

/// Where each running total of one group lives in a flat `[Int64]` partial
/// aggregate of one survey kind. Every total is an integer (answers are small
/// integers; construct scores are counted in units of 25 / L, L = lcm(1…k)),
/// so partials merge by plain addition, exactly, in any order.
public struct AggregateLayout: Sendable {
    /// One construct's place in the layout.
    public struct ConstructSlot: Sendable {
        public var name: String
        /// Form item indices.
        public var items: [Int]
        public var reversed: [Bool]
        /// Least number of answered items for a score.
        public var minAnswered: Int
        /// lcm(1…k): a score is stored as Σu · (L / answered), u = 0…4.
        public var scale: Int64
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
        public var offset: Int
    }

    public let kind: SurveyKind
    public let itemCount: Int
    public let constructs: [ConstructSlot]
    /// Index into `constructs` of the drivers' outcome (employee_life), if this kind has drivers.
    public let outcome: Int?
    public let drivers: [DriverSlot]
    /// Total length of one group's partial.
    public let width: Int

    /// Codes per item: 0 = missing, 1…11.
    public static let codes = 12
    public static let rowsOffset = 0
    public func itemOffset(_ item: Int) -> Int { 1 + item * Self.codes }

    /// - Parameter roles: which constructs are employee_life and the driver constructs (SPEC §5 Roles).
    public init(instrument: Instrument, kind: SurveyKind, minAnsweredFraction: Double,
                roles: ConstructRoles = ConstructRoles()) {
        let form = instrument.form(kind)
        self.kind = kind
        itemCount = form.items.count
        var offset = 1 + itemCount * Self.codes
        var constructs: [ConstructSlot] = []
        for construct in instrument.constructs(of: kind) {
            let items = construct.items.compactMap(form.itemIndex)
            let k = items.count
            let minimum = max(1, Int((Double(k) * minAnsweredFraction - 1e-9).rounded(.up)))
            constructs.append(ConstructSlot(name: construct.name, items: items,
                                            reversed: items.map { form.items[$0].reversed }, minAnswered: minimum,
                                            scale: (1...max(k, 1)).reduce(Int64(1)) { lcm($0, Int64($1)) },
                                            offset: offset))
            offset += 4 + k + k * k
        }
        self.constructs = constructs
        outcome = kind == .employee ? constructs.firstIndex { $0.name == roles[.employeeLife] } : nil
        var drivers: [DriverSlot] = []
        if outcome != nil {
            for construct in instrument.constructs(of: kind) where roles.driverConstructs.contains(construct.name) {
                for key in construct.items {
                    guard let item = form.itemIndex(key) else { continue }
                    drivers.append(DriverSlot(item: item, reversed: form.items[item].reversed, offset: offset))
                    offset += 6
                }
            }
        }
        self.drivers = drivers
        width = offset
    }
}

private func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
private func lcm(_ a: Int64, _ b: Int64) -> Int64 { a / gcd(a, b) * b }
