/// Sustainment (SPEC §5): headline figures per wave, and the wins that faded.
enum Trends {
    static let metrics: [(name: String, value: @Sendable (AreaResult) -> Double?)] = [
        ("readiness", { $0.readiness }),
        (Method.employeeLife, { $0.construct(Method.employeeLife)?.shownMean }),
        (Method.customerLife, { $0.construct(Method.customerLife)?.shownMean }),
    ]

    /// A row per area and All areas per wave, wave by wave.
    static func points(_ perWave: [[AreaResult]], labels: [String]) -> [TrendPoint] {
        zip(perWave, labels).flatMap { groups, wave in
            groups.map { group in
                TrendPoint(area: group.area, wave: wave, readiness: group.readiness,
                           employeeLife: group.construct(Method.employeeLife)?.shownMean,
                           customerLife: group.construct(Method.customerLife)?.shownMean, lmi: group.lmi)
            }
        }
    }

    /// Flags a metric whose report-wave value is at least `drop` below the group's best earlier
    /// wave (the earliest such wave is the peak).
    static func evaporation(_ perWave: [[AreaResult]], labels: [String], drop: Double) -> [Evaporation] {
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
