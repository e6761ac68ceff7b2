import Score
import SurveyModel

/// The §5.2 changes of one area as the Summary shows them: which of them mark the
/// readiness change cell (the constructs that enter readiness, eNPS and NPS, when
/// significant) and the plain-words note line that names them.
struct SignificantChanges {
    /// The significant changes that mark the cell, in the area's order: (label, change).
    let marked: [(label: String, change: Change)]

    init(_ area: AreaResult, config: PipelineConfig) {
        let weighted = Set(config.scoring.weights.keys)
        // The keys of eNPS and NPS among the changes (SPEC §8.1).
        marked = area.changes.compactMap { key, change in
            guard let change, change.significant else { return nil }
            if key == "enps" { return ("eNPS", change) }
            if key == "nps" { return ("NPS", change) }
            guard weighted.contains(key) else { return nil }
            return (config.instrument.constructs.first { $0.name == key }?.label ?? key, change)
        }
    }

    var isEmpty: Bool { marked.isEmpty }

    /// "Operations: Leadership ▲ +8.2 (p = 0.01), eNPS ▼ −12.0 (p = 0.03) since 2025-Q3"; nil without changes.
    func line(area: String) -> String? {
        guard let wave = marked.first?.change.previousWave else { return nil }
        let parts = marked.map { "\($0.label) \(Self.arrow($0.change.delta)) (\(Self.pText($0.change.pValue)))" }
        return "\(area): " + parts.joined(separator: ", ") + " since \(wave)"
    }

    /// "▲ +8.2", "▼ −12.0", "= 0.0" (one decimal, a true minus sign).
    static func arrow(_ delta: Double) -> String {
        let tenths = Int((delta * 10).rounded())
        let magnitude = "\(abs(tenths) / 10).\(abs(tenths) % 10)"
        return tenths > 0 ? "▲ +\(magnitude)" : tenths < 0 ? "▼ −\(magnitude)" : "= \(magnitude)"
    }

    /// "p = 0.03", "p = 0.004", "p < 0.001": two decimals unless they would read 0.00 or blur the 0.05 line.
    static func pText(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        let two = (p * 100).rounded() / 100
        if two == 0 || two == Significance.level { return "p = " + decimals(p, 3) }
        return "p = " + decimals(p, 2)
    }

    private static func decimals(_ value: Double, _ places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int((value * Double(scale)).rounded())
        let fraction = String(units % scale)
        return "\(units / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

extension ScoreReport {
    /// The wave before the report wave, the one §5.2's changes compare with, when there is one.
    var previousWave: String? {
        guard let index = waves.firstIndex(of: wave), index > 0 else { return nil }
        return waves[index - 1]
    }
}
