import SurveyModel

/// The texts cells are drawn from, pre-encoded as CSV bytes: answer labels in
/// varied case, missing tokens (SPEC §3.4), and the integers 0–10.
struct CellVocabulary {
    /// `digits[n]` is the text of n, 0…10.
    let digits: [[UInt8]] = (0...10).map { Array(String($0).utf8) }
    /// `likertLabels[v - 1]`: spellings of Likert answer v.
    let likertLabels: [[[UInt8]]]
    /// `frequencyLabels[v - 1]`: spellings of frequency answer v.
    let frequencyLabels: [[[UInt8]]]
    /// Missing tokens, weighted towards the empty cell.
    let missing: [[UInt8]]
    let missingWeights: [Double]

    init() {
        let likert = [["strongly disagree"], ["disagree"], ["neutral", "neither agree nor disagree"], ["agree"],
                      ["strongly agree"]]
        let frequency = [["never"], ["rarely"], ["sometimes"], ["often"], ["always"]]
        likertLabels = likert.map { Self.caseVariants(of: $0) }
        frequencyLabels = frequency.map { Self.caseVariants(of: $0) }
        let tokens: [(String, Double)] = [
            ("", 0.5), ("NA", 0.12), ("N/A", 0.08), ("n/a", 0.03), ("-", 0.07), ("Don't know", 0.1),
            ("don't know", 0.02), ("Prefer not to say", 0.06), ("PREFER NOT TO SAY", 0.02),
        ]
        missing = tokens.map { CSVField.encode($0.0) }
        missingWeights = cumulativeWeights(tokens.map(\.1))
    }

    /// Each label as written by hand: lower case, Sentence case, UPPER CASE and Title Case.
    private static func caseVariants(of labels: [String]) -> [[UInt8]] {
        labels.flatMap { label -> [[UInt8]] in
            let sentence = label.prefix(1).uppercased() + label.dropFirst()
            let title = label.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined(separator: " ")
            return [label, sentence, label.uppercased(), title].map(CSVField.encode)
        }
    }

    /// The label spellings of answer `value` (1–5) on `scale`.
    func labels(_ value: Int, scale: Scale) -> [[UInt8]] {
        scale == .frequency ? frequencyLabels[value - 1] : likertLabels[value - 1]
    }
}

/// An optional breakdown column (`role`, `segment`, `channel`): its values,
/// how often each is given, and how each shifts the respondent's latents.
struct BreakdownColumn {
    let values: [[UInt8]]
    let weights: [Double]
    /// Per value, a shift per `Latent` slot on 1–5.
    let effects: [[Double]]

    /// The column for a breakdown name; unknown names get three neutral groups.
    static func named(_ name: String) -> BreakdownColumn {
        let none = [Double](repeating: 0, count: Latent.count)
        func shift(_ pairs: [(Int, Double)]) -> [Double] {
            var effect = none
            for (slot, value) in pairs { effect[slot] = value }
            return effect
        }
        switch name {
        case "role":
            return BreakdownColumn(
                values: ["Frontline", "Manager", "Executive"].map(CSVField.encode), weights: [0.75, 0.19, 0.06],
                effects: [none,
                          shift([(Latent.leadership, 0.15), (Latent.management, 0.2), (Latent.employeeLife, 0.05),
                                 (Latent.general, 0.1)]),
                          shift([(Latent.leadership, 0.45), (Latent.management, 0.35), (Latent.employeeLife, 0.25),
                                 (Latent.lowWaste, 0.15), (Latent.general, 0.3)])])
        case "segment":
            return BreakdownColumn(
                values: ["Consumer", "SMB", "Enterprise"].map(CSVField.encode), weights: [0.6, 0.28, 0.12],
                effects: [shift([(Latent.cx, 0.05), (Latent.customerLife, 0.05)]), none,
                          shift([(Latent.cx, -0.2), (Latent.customerLife, -0.1)])])
        case "channel":
            return BreakdownColumn(
                values: ["Web", "Phone", "Store"].map(CSVField.encode), weights: [0.45, 0.35, 0.2],
                effects: [shift([(Latent.cx, 0.1)]), shift([(Latent.cx, -0.15), (Latent.customerLife, -0.05)]),
                          none])
        default:
            return BreakdownColumn(values: ["Group A", "Group B", "Group C"].map(CSVField.encode),
                                   weights: [1, 1, 1], effects: [none, none, none])
        }
    }

    /// Cumulative weights of `values`, for `Xoshiro256.pick(cumulative:)`.
    var cumulative: [Double] { cumulativeWeights(weights) }
}

/// The ways an area's name is typed into the `area` cell: mostly the
/// canonical name, sometimes an alias, another case, or doubled inner spaces.
struct AreaCells {
    let variants: [[UInt8]]
    let cumulative: [Double]

    init(_ area: Area) {
        var texts: [(String, Double)] = [(area.name, 0.9), (area.name.lowercased(), 0.02),
                                         (area.name.uppercased(), 0.015)]
        if area.name.contains(" ") {
            texts.append((area.name.split(separator: " ").joined(separator: "  "), 0.015))
        }
        for alias in area.aliases { texts.append((alias, 0.05 / Double(area.aliases.count))) }
        variants = texts.map { CSVField.encode($0.0) }
        cumulative = cumulativeWeights(texts.map(\.1))
    }
}
