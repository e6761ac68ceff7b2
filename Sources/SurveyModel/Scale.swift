/// The answer scale of an item (SPEC §3.4): the integer codes `min`…`max`,
/// the answer texts that stand for them, platform recodes, extra "missing"
/// texts, and which codes count as favorable and unfavorable. Built-in scales
/// are the static members; `instrument.scales` defines more.
///
/// An answer is stored as one byte: 0 = missing, else `value − min + 1`
/// (1…101), so a 1–5 item stores its value and a 0–10 item value + 1.
public struct Scale: Sendable, Hashable {
    public var name: String
    public var min: Int
    public var max: Int
    /// Answer texts in their comparison form (`TextKey.fold`) → value.
    public var labels: [String: Int]
    /// Raw cell texts in their comparison form → value, applied before anything else.
    public var recodes: [String: Int]
    /// Extra texts (comparison form) that mean "no answer".
    public var missing: [String]
    /// Values counted favorable / unfavorable (before reversal); nil = none.
    public var favorable: ClosedRange<Int>?
    public var unfavorable: ClosedRange<Int>?
    /// Also reads a cell that starts with an integer and a space or dash (`10 - Extremely likely`).
    public var integerLabels: Bool

    public init(name: String, min: Int, max: Int, labels: [String: Int] = [:], recodes: [String: Int] = [:],
                missing: [String] = [], favorable: ClosedRange<Int>? = nil, unfavorable: ClosedRange<Int>? = nil,
                integerLabels: Bool = false) {
        self.name = name
        self.min = min
        self.max = max
        self.labels = Dictionary(labels.map { (TextKey.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.recodes = Dictionary(recodes.map { (TextKey.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.missing = missing.map(TextKey.fold)
        let defaults = Self.defaultRanges(min: min, max: max)
        self.favorable = favorable ?? defaults.favorable
        self.unfavorable = unfavorable ?? defaults.unfavorable
        self.integerLabels = integerLabels
    }

    /// max − min: the number of steps; a normalized value is (x − min) / range × 100.
    public var range: Int { max - min }

    /// The largest stored code (`max − min + 1`).
    public var maxCode: UInt8 { UInt8(truncatingIfNeeded: range + 1) }

    /// The default favorable / unfavorable ranges for k = max − min + 1 points: odd k — above / below
    /// the midpoint; even k — the upper / lower half, nothing neutral.
    public static func defaultRanges(min: Int, max: Int) -> (favorable: ClosedRange<Int>?, unfavorable: ClosedRange<Int>?) {
        guard min < max else { return (nil, nil) }
        let points = max - min + 1
        if points % 2 == 1 {
            let middle = min + points / 2
            return (middle + 1...max, min...middle - 1)
        }
        return (min + points / 2...max, min...min + points / 2 - 1)
    }

    public static let likert = Scale(name: "likert", min: 1, max: 5, labels: [
        "strongly disagree": 1, "disagree": 2, "somewhat disagree": 2, "neutral": 3,
        "neither agree nor disagree": 3, "agree": 4, "somewhat agree": 4, "strongly agree": 5,
    ])

    public static let frequency = Scale(name: "frequency", min: 1, max: 5, labels: [
        "never": 1, "rarely": 2, "sometimes": 3, "often": 4, "always": 5,
    ])

    public static let agree7 = Scale(name: "agree7", min: 1, max: 7, labels: [
        "strongly disagree": 1, "disagree": 2, "somewhat disagree": 3, "neither agree nor disagree": 4,
        "neutral": 4, "somewhat agree": 5, "agree": 6, "strongly agree": 7,
    ])

    public static let frequencyTime = Scale(name: "frequency_time", min: 1, max: 5, labels: [
        "never": 1, "sometimes": 2, "about half the time": 3, "most of the time": 4, "always": 5,
    ])

    public static let zeroToTen = Scale(name: "0-10", min: 0, max: 10, integerLabels: true)

    /// The built-in scales, by name.
    public static let builtIn: [Scale] = [.likert, .frequency, .agree7, .frequencyTime, .zeroToTen]

    public static func builtIn(named name: String) -> Scale? { builtIn.first { $0.name == name } }
}
