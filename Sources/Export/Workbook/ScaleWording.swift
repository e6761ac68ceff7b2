import SurveyModel

/// How the workbook words answer scales: the 1–5 words of the default
/// instrument when every scored item is a Likert item or a reversed frequency
/// (waste) item, else the general rule with each scale's favorable range.
struct ScaleWording {
    let instrument: Instrument

    private var scored: [Item] {
        [instrument.employee, instrument.customer].flatMap { form in
            form.items.filter { $0.key != form.recommendItem }
        }
    }

    /// Only Likert items and reversed frequency items (the default instrument's shape).
    var isDefault: Bool {
        scored.allSatisfy { ($0.scale == .likert && !$0.reversed) || ($0.scale == .frequency && $0.reversed) }
    }

    /// How an answer becomes 0–100 (Method sheet).
    var normalization: String {
        if isDefault {
            return "Every answer is put on a 0–100 scale: strongly disagree 0, disagree 25, neutral 50, agree 75, "
                + "strongly agree 100. For the waste questions the scale is turned round, so 100 means the waste is "
                + "never seen. "
        }
        return "Every answer is put on a 0–100 scale: (answer − lowest) ÷ (highest − lowest) × 100 on the question's "
            + "own scale, so the lowest answer is 0 and the highest 100 (on a 1–5 scale: 1 is 0, 2 is 25, 3 is 50, "
            + "4 is 75, 5 is 100). For reversed questions the scale is turned round, so 100 is the best answer. "
    }

    /// Which answers count as favorable (Method sheet, Items sheet title).
    var favorable: String {
        if isDefault { return "agree or strongly agree; for waste questions never or rarely" }
        var seen: [String] = []
        var parts: [String] = []
        for item in scored where !seen.contains(item.scale.name) {
            seen.append(item.scale.name)
            parts.append("\(item.scale.name) \(Self.range(item.scale.favorable))")
        }
        return "the favorable answers of the question's scale (" + parts.joined(separator: ", ")
            + "); for reversed questions the unfavorable ones"
    }

    private static func range(_ values: ClosedRange<Int>?) -> String {
        guard let values else { return "none" }
        return values.count == 1 ? "\(values.lowerBound)" : "\(values.lowerBound)–\(values.upperBound)"
    }
}
