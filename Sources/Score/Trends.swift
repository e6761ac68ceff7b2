import SurveyModel

/// Sustainment (SPEC §5): headline figures per wave, and the wins that faded.
enum Trends {
    /// The metrics watched for evaporation, named by role; a role's value is its construct's shown mean.
    static func metrics(_ roles: ConstructRoles) -> [(name: String, value: (AreaResult) -> Double?)] {
        let role = { (role: ConstructRole) in { (group: AreaResult) in roles[role].flatMap { group.construct($0)?.shownMean } } }
        return [("readiness", { $0.readiness }), (Method.employeeLife, role(.employeeLife)),
                (Method.customerLife, role(.customerLife))]
    }

    /// A row per area and All areas per wave, wave by wave.
    static func points(_ perWave: [[AreaResult]], labels: [String], roles: ConstructRoles) -> [TrendPoint] {
        let metrics = metrics(roles)
        return zip(perWave, labels).flatMap { groups, wave in
            groups.map { group in
                TrendPoint(area: group.area, wave: wave, readiness: group.readiness,
                           employeeLife: metrics[1].value(group), customerLife: metrics[2].value(group), lmi: group.lmi)
            }
        }
    }

    /// Flags a metric whose report-wave value is at least `drop` below the group's best earlier
    /// wave (the earliest such wave is the peak).
    static func evaporation(_ perWave: [[AreaResult]], labels: [String], drop: Double,
                            roles: ConstructRoles = ConstructRoles()) -> [Evaporation] {
        let metrics = metrics(roles)
        guard let current = perWave.last else { return [] }
        var flags: [Evaporation] = []
        for (group, latestGroup) in current.enumerated() {
            for metric in metrics {
                guard let latest = metric.value(latestGroup) else { continue }
                var peak: (wave: String, value: Double)?
                for (wave, groups) in zip(labels, perWave).dropLast() {
                    guard let value = metric.value(groups[group]) else { continue }
                    if value > peak?.value ?? -.infinity { peak = (wave, value) }
                }
                if let peak, peak.value - latest >= drop - Method.tolerance {
                    flags.append(Evaporation(area: latestGroup.area, metric: metric.name, peakWave: peak.wave,
                                             peak: peak.value, latest: latest, drop: peak.value - latest))
                }
            }
        }
        return flags
    }
}
