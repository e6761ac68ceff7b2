/// How submission dates are grouped into waves (SPEC §3.4).
public enum WavePeriod: String, Sendable, Hashable {
    case quarter
    case month

    /// The wave label of a calendar date, e.g. `2026-Q3` or `2026-09`.
    public func label(year: Int, month: Int) -> String {
        let digits = String(year)
        let y = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        switch self {
        case .quarter: return "\(y)-Q\((month - 1) / 3 + 1)"
        case .month: return month < 10 ? "\(y)-0\(month)" : "\(y)-\(month)"
        }
    }

    /// A sortable key of the wave of a calendar date; labels sort the same way.
    public func key(year: Int, month: Int) -> Int {
        switch self {
        case .quarter: return year * 10 + (month - 1) / 3 + 1
        case .month: return year * 100 + month
        }
    }
}
