import Ingest
import SurveyModel

/// The scale `init` gives an answer column (SPEC §8 `init`): the narrowest that holds every value
/// seen — the built-in label sets first, 0–10 for integers 0…10 with a 9 or 10 among them, else
/// a user-defined integer scale over the range seen.
public enum ScaleChoice: Sendable, Equatable {
    case builtIn(Scale)
    /// Integers that no built-in scale holds: a user-defined scale `int<min>_<max>` (`DraftForm.integerScale`).
    case integers(ClosedRange<Int>)
    /// Not a scale: free text, or no answers at all.
    case notAScale(String)
}

extension Guess {
    /// The built-in label scales, narrowest first; among those that read every answer, the one
    /// telling the most labels apart wins (`Somewhat agree` next to `Agree` is agree7, not likert).
    public static let labelScales: [Scale] = [.likert, .frequency, .agree7, .frequencyTime]

    public static func scale(_ column: ColumnProfile) -> ScaleChoice {
        if column.answered == 0 { return .notAScale("no answers") }
        if column.manyValues { return .notAScale("more than \(ColumnProfile.maxDistinct) different answers") }
        let values = Array(column.values.keys)
        let integers = values.compactMap(integer)
        if integers.count == values.count, let low = integers.min(), let high = integers.max() {
            if low >= 1 && high <= 5 { return .builtIn(.likert) }
            if high <= 10 && (integers.contains(9) || integers.contains(10)) { return .builtIn(.zeroToTen) }
            return .integers(low...high)
        }
        var best: (scale: Scale, distinct: Int)?
        for scale in labelScales where integers.allSatisfy({ (scale.min...scale.max).contains($0) }) {
            let labels = values.filter { integer($0) == nil }
            let codes = labels.compactMap { ValueParser.code(Array($0.utf8), scale: scale) }
            guard codes.count == labels.count else { continue }
            let distinct = Set(codes).count
            if distinct > best?.distinct ?? 0 { best = (scale, distinct) }
        }
        if let best { return .builtIn(best.scale) }
        return .notAScale("answers that are no scale's labels, e.g. \"\(MessageText.quoted(example(column, integers: false)))\"")
    }

    /// The integer a cell holds, if it holds only digits (at most 9).
    static func integer(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The first value (by line) that is, or is not, an integer.
    static func example(_ column: ColumnProfile, integers: Bool) -> String {
        column.values.filter { (integer($0.key) != nil) == integers }.min { $0.value.line < $1.value.line }?.key ?? ""
    }
}
