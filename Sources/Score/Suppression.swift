/// Which groups of one breakdown must hide a figure (SPEC §9).
///
/// Primary: a figure from 0 < n < `minimum` respondents is hidden. Secondary: when
/// exactly one group is hidden while the total is shown, the next smallest shown
/// group (ties: the name that sorts first) is hidden too, so the hidden one cannot
/// be recovered by subtracting the others from the total. n = 0 means the figure
/// does not exist; such a group is neither hidden nor a candidate.
public enum Suppression {
    public static func hidden(ns: [Int], names: [String], totalN: Int, minimum: Int) -> [Bool] {
        var hidden = ns.map { $0 > 0 && $0 < minimum }
        guard hidden.filter({ $0 }).count == 1, totalN >= minimum else { return hidden }
        let candidates = ns.indices.filter { !hidden[$0] && ns[$0] > 0 }
        if let next = candidates.min(by: { (ns[$0], names[$0]) < (ns[$1], names[$1]) }) {
            hidden[next] = true
        }
        return hidden
    }

    public static func apply(_ result: inout ConstructResult) {
        result = ConstructResult(n: result.n, suppressed: true)
    }

    public static func apply(_ result: inout ItemResult) {
        result = ItemResult(n: result.n, suppressed: true)
    }

    public static func apply(_ result: inout NPSResult) {
        result = NPSResult(n: result.n, suppressed: true)
    }
}
