import SurveyModel

/// Where an area sits when leadership and management are each compared with the
/// quadrant threshold; the raw value is the label the JSON and the workbook show.
public enum Quadrant: String, Sendable, CaseIterable {
    case ledAndManaged = "Led and managed"
    case ledLooselyManaged = "Led, loosely managed"
    case managedNotLed = "Managed, not led"
    case stalled = "Stalled"

    /// The quadrant of leadership and management each at or above the threshold (`true`) or below it.
    public init(ledAtThreshold: Bool, managedAtThreshold: Bool) {
        switch (ledAtThreshold, managedAtThreshold) {
        case (true, true): self = .ledAndManaged
        case (true, false): self = .ledLooselyManaged
        case (false, true): self = .managedNotLed
        case (false, false): self = .stalled
        }
    }
}

/// The composite indices of SPEC §5, from the construct means that are shown.
struct Indices {
    var lmi: Double?
    var quadrant: String?
    var readiness: Double?
    var band: String?
    var missingComponents: [String]
    var differenceGap: Double?

    /// `shown` maps a construct name to its mean when it is shown (not suppressed, n > 0).
    init(shown: (String) -> Double?, instrument: Instrument, scoring: ScoringConfig) {
        let roles = scoring.roles
        func role(_ role: ConstructRole) -> Double? { roles[role].flatMap { shown($0) } }
        let leadership = role(.leadership), management = role(.management)
        if let leadership, let management {
            lmi = leadership - management
            let threshold = scoring.quadrantThreshold
            quadrant = Quadrant(ledAtThreshold: leadership >= threshold - Method.tolerance,
                                managedAtThreshold: management >= threshold - Method.tolerance).rawValue
        }
        var weighted = 0.0, weights = 0.0, employeePresent = false
        missingComponents = []
        for construct in instrument.constructs {
            guard let weight = scoring.weights[construct.name] else { continue }
            guard let mean = shown(construct.name) else {
                missingComponents.append(construct.name)
                continue
            }
            weighted += weight * mean
            weights += weight
            if construct.survey == .employee { employeePresent = true }
        }
        if employeePresent, weights > 0 {
            let value = weighted / weights
            readiness = value
            band = scoring.bands.first { value >= $0.min - Method.tolerance }?.label ?? scoring.lowestBand
        }
        if let employeeLife = role(.employeeLife), let customerLife = role(.customerLife) {
            differenceGap = employeeLife - customerLife
        }
    }
}
