/// The integer units a construct's totals are kept in (docs/METHOD.md): each
/// item's answer becomes u = (x − min) · (R / range) on 0…R, R the lcm of the
/// ranges (max − min) of the construct's items, and a respondent's score is
/// Σu · (L / answered), L = lcm(1…k). So the normalized score is
/// stored · 100 / (R · L), and every total is an exact integer.
public struct ConstructUnits: Sendable, Hashable {
    /// R: lcm of the items' ranges.
    public let itemRange: Int64
    /// L: lcm(1…k).
    public let answeredScale: Int64

    /// The largest score unit R · L that keeps Σy² exact in 64 bits for 2 million respondents per wave.
    public static let limit: Int64 = 1 << 21

    /// Units of one: what a construct whose units would not fit falls back to (the loader refuses those).
    public static let one = ConstructUnits(itemRange: 1, answeredScale: 1)

    private init(itemRange: Int64, answeredScale: Int64) {
        self.itemRange = itemRange
        self.answeredScale = answeredScale
    }

    /// nil when R · L would exceed `limit`.
    public init?(ranges: [Int]) {
        var range: Int64 = 1, scale: Int64 = 1
        for value in ranges {
            range = Self.lcm(range, Int64(max(value, 1)))
            if range > Self.limit { return nil }
        }
        for count in 1...max(ranges.count, 1) {
            scale = Self.lcm(scale, Int64(count))
            if scale > Self.limit { return nil }
        }
        guard range * scale <= Self.limit else { return nil }
        itemRange = range
        answeredScale = scale
    }

    /// One score unit is this many points of 0–100: 100 / (R · L).
    public var pointsPerUnit: Double { 100 / Double(itemRange * answeredScale) }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
    private static func lcm(_ a: Int64, _ b: Int64) -> Int64 { a / gcd(a, b) * b }
}
