import SurveyModel

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
        let leadership = shown(Method.leadership), management = shown(Method.management)
        if let leadership, let management {
            lmi = leadership - management
            let threshold = scoring.quadrantThreshold
            switch (leadership >= threshold - Method.tolerance, management >= threshold - Method.tolerance) {
            case (true, true): quadrant = "Led and managed"
            case (true, false): quadrant = "Led, loosely managed"
            case (false, true): quadrant = "Managed, not led"
            case (false, false): quadrant = "Stalled"
            }
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
        if let employeeLife = shown(Method.employeeLife), let customerLife = shown(Method.customerLife) {
            differenceGap = employeeLife - customerLife
        }
    }
}
