import Foundation
import SurveyModel

/// One figure compared with the wave before the report wave (SPEC §5.2).
public struct Change: Sendable, Equatable {
    public var previousWave: String
    /// Report wave minus previous wave.
    public var delta: Double
    /// Two-sided: Welch's t for means, the normal z for eNPS / NPS.
    public var pValue: Double
    /// `pValue` < 0.05.
    public var significant: Bool
}

/// The two-sided tests of SPEC §5.2, from the figures each wave's totals already gave
/// (n, mean, SD; the NPS shares): no second pass over the rows.
public enum Significance {
    public static let level = 0.05

    /// Welch's t test of two means from their n and sample variances: t = Δ / √(v₁/n₁ + v₂/n₂),
    /// Welch–Satterthwaite df, p = P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2). Nil when either n < 2
    /// or both variances are 0.
    public static func welchP(delta: Double, variance1: Double, n1: Int, variance2: Double, n2: Int) -> Double? {
        guard n1 >= 2, n2 >= 2, variance1 > 0 || variance2 > 0 else { return nil }
        let a = variance1 / Double(n1), b = variance2 / Double(n2)
        let t = delta / (a + b).squareRoot()
        let df = (a + b) * (a + b) / (a * a / Double(n1 - 1) + b * b / Double(n2 - 1))
        return StudentT.incompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// The z test of two (e)NPS scores: z = Δ / √(V₁/n₁ + V₂/n₂), V = 100² · (P + D − (P − D)²)
    /// with P, D the promoter and detractor proportions; p = erfc(|z| / √2). Nil when either n < 2
    /// or both V are 0.
    public static func npsP(delta: Double, v1: Double, n1: Int, v2: Double, n2: Int) -> Double? {
        guard n1 >= 2, n2 >= 2, v1 > 0 || v2 > 0 else { return nil }
        let z = delta / (v1 / Double(n1) + v2 / Double(n2)).squareRoot()
        return erfc(abs(z) / 2.0.squareRoot())
    }

    /// V = 100² · (P + D − (P − D)²) of a shown (e)NPS, P and D as proportions.
    static func npsVariance(_ result: NPSResult) -> Double? {
        guard let promoters = result.promoters, let detractors = result.detractors else { return nil }
        let p = promoters / 100, d = detractors / 100
        return 10_000 * max(0, p + d - (p - d) * (p - d))
    }

    /// Welch's test of one construct between two waves' results, nil unless both are shown.
    static func construct(_ latest: ConstructResult?, _ earlier: ConstructResult?) -> (delta: Double, p: Double)? {
        guard let latest, let earlier, let m1 = latest.shownMean, let m2 = earlier.shownMean,
              let s1 = latest.sd, let s2 = earlier.sd else { return nil }
        let delta = m1 - m2
        return welchP(delta: delta, variance1: s1 * s1, n1: latest.n, variance2: s2 * s2, n2: earlier.n)
            .map { (delta, $0) }
    }

    static func nps(_ latest: NPSResult, _ earlier: NPSResult) -> (delta: Double, p: Double)? {
        guard !latest.suppressed, !earlier.suppressed, let s1 = latest.score, let s2 = earlier.score,
              let v1 = npsVariance(latest), let v2 = npsVariance(earlier) else { return nil }
        return npsP(delta: s1 - s2, v1: v1, n1: latest.n, v2: v2, n2: earlier.n).map { (s1 - s2, $0) }
    }
}

/// Fills `changes` of every area and evaporation's `significant` (SPEC §5.2) from the waves'
/// scored groups.
enum Changes {
    /// The keys of eNPS and NPS among a group's changes (SPEC §8.1).
    static let enpsKey = "enps", npsKey = "nps"

    /// The report wave's groups with `changes` set against the wave before it (every change nil
    /// when there is none).
    static func apply(to current: [AreaResult], perWave: [[AreaResult]], labels: [String]) -> [AreaResult] {
        let previous = perWave.count >= 2 ? perWave[perWave.count - 2] : nil
        let previousLabel = labels.count >= 2 ? labels[labels.count - 2] : ""
        return current.enumerated().map { index, group in
            var group = group
            let before = previous?[index]
            func change(_ test: (delta: Double, p: Double)?) -> Change? {
                test.map { Change(previousWave: previousLabel, delta: $0.delta, pValue: $0.p,
                                  significant: $0.p < Significance.level) }
            }
            group.changes = group.constructs.map { construct in
                (construct.name, change(Significance.construct(construct.result, before?.construct(construct.name))))
            }
            group.changes.append((enpsKey, before.flatMap { change(Significance.nps(group.enps, $0.enps)) }))
            group.changes.append((npsKey, before.flatMap { change(Significance.nps(group.nps, $0.nps)) }))
            return group
        }
    }

    /// Each flag with `significant`: Welch's test between its peak wave and the report wave for the
    /// employee_life and customer_life roles' constructs, nil for readiness.
    static func significance(_ flags: [Evaporation], perWave: [[AreaResult]], labels: [String],
                             roles: ConstructRoles) -> [Evaporation] {
        guard let current = perWave.last else { return flags }
        let constructs = [Method.employeeLife: roles[.employeeLife], Method.customerLife: roles[.customerLife]]
        return flags.map { flag in
            var flag = flag
            guard let name = constructs[flag.metric] ?? nil, let peak = labels.firstIndex(of: flag.peakWave),
                  let group = current.firstIndex(where: { $0.area == flag.area }) else { return flag }
            flag.pValue = Significance.construct(current[group].construct(name), perWave[peak][group].construct(name))?.p
            flag.significant = flag.pValue.map { $0 < Significance.level }
            return flag
        }
    }
}
