/// The five parts the indices of SPEC §5 are built from (LMI, quadrant, difference gap, readiness
/// defaults, drivers), each played by one construct of the instrument.
public enum ConstructRole: String, Sendable, Hashable, CaseIterable {
    case leadership
    case management
    case employeeLife = "employee_life"
    case customerLife = "customer_life"
    case lowWaste = "low_waste"

    /// The roles whose items are candidate drivers of employee_life (SPEC §5.1).
    public static let drivers: [ConstructRole] = [.leadership, .management, .lowWaste]
}

/// `scoring.roles`: which construct plays each role (default: the construct of the role's name).
/// A role mapped to no construct of the instrument makes the figures that need it null.
public struct ConstructRoles: Sendable, Hashable {
    private var names: [ConstructRole: String]

    /// Every role played by the construct of its own name.
    public init() {
        names = Dictionary(uniqueKeysWithValues: ConstructRole.allCases.map { ($0, $0.rawValue) })
    }

    /// The construct name of `role`, nil when the role is mapped to none.
    public subscript(role: ConstructRole) -> String? {
        get { names[role] }
        set { names[role] = newValue }
    }

    /// The construct names of the driver roles.
    public var driverConstructs: Set<String> { Set(ConstructRole.drivers.compactMap { names[$0] }) }

    /// The roles no construct of `instrument` plays, in role order.
    public func unplayed(in instrument: Instrument) -> [ConstructRole] {
        ConstructRole.allCases.filter { role in
            !instrument.constructs.contains { $0.name == names[role] }
        }
    }
}
