/// Reads `instrument.scales` (SPEC §3.4): user-defined answer scales, checked
/// for `min` < `max` in 0–100, labels and recodes inside the range, and
/// favorable / unfavorable ranges given both or neither.
extension ConfigLoader {
    /// The built-in scales followed by the user-defined ones, by name.
    static func readScales(_ reader: ConfigReader) throws(PipelineError) -> [String: Scale] {
        var scales = Dictionary(uniqueKeysWithValues: Scale.builtIn.map { ($0.name, $0) })
        guard let elements = try reader.array("scales") else { return scales }
        for element in elements {
            let entry = try ConfigReader(element.value, path: element.path)
            try entry.allowOnly(["name", "min", "max", "labels", "values", "favorable", "unfavorable", "missing"])
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw .config(path: entry.child("name"), message: "expected the scale's name")
            }
            if Scale.builtIn(named: name) != nil {
                throw .config(path: entry.child("name"), message: "\"\(name)\" is a built-in scale; give yours another name")
            }
            if scales[name] != nil {
                throw .config(path: entry.child("name"), message: "scale \"\(name)\" is defined twice")
            }
            guard let min = try entry.integer("min"), (0...100).contains(min) else {
                throw .config(path: entry.child("min"), message: "expected an integer from 0 to 100")
            }
            guard let max = try entry.integer("max"), (0...100).contains(max) else {
                throw .config(path: entry.child("max"), message: "expected an integer from 0 to 100")
            }
            guard min < max else {
                throw .config(path: entry.child("max"), message: "expected more than min (\(min))")
            }
            let labels = try codeMap(entry, "labels", min: min, max: max)
            let recodes = try codeMap(entry, "values", min: min, max: max)
            let favorable = try codeRange(entry, "favorable", min: min, max: max)
            let unfavorable = try codeRange(entry, "unfavorable", min: min, max: max)
            if (favorable == nil) != (unfavorable == nil) {
                let absent = favorable == nil ? "favorable" : "unfavorable"
                throw .config(path: entry.child(absent), message: "give favorable and unfavorable both, or neither")
            }
            if let favorable, let unfavorable, favorable.overlaps(unfavorable) {
                throw .config(path: entry.child("unfavorable"), message: "overlaps favorable")
            }
            scales[name] = Scale(name: name, min: min, max: max, labels: labels, recodes: recodes,
                                 missing: try entry.strings("missing") ?? [], favorable: favorable,
                                 unfavorable: unfavorable)
        }
        return scales
    }

    /// An object of text → integer code in `min`…`max` (`labels`, `values`).
    private static func codeMap(_ entry: ConfigReader, _ key: String, min: Int, max: Int) throws(PipelineError) -> [String: Int] {
        guard let map = try entry.object(key) else { return [:] }
        var result: [String: Int] = [:]
        for text in map.keys {
            guard let code = try map.integer(text), (min...max).contains(code) else {
                throw .config(path: map.child(text), message: "expected an integer from \(min) to \(max)")
            }
            let folded = TextKey.fold(text)
            if let earlier = result[folded], earlier != code {
                throw .config(path: map.child(text), message: "the same text as another entry, with another code")
            }
            result[folded] = code
        }
        return result
    }

    /// `[lo, hi]` with min ≤ lo ≤ hi ≤ max.
    private static func codeRange(_ entry: ConfigReader, _ key: String, min: Int, max: Int) throws(PipelineError) -> ClosedRange<Int>? {
        guard let elements = try entry.array(key) else { return nil }
        var bounds: [Int] = []
        for element in elements {
            guard case .integer(let code) = element.value else {
                throw .config(path: element.path, message: "expected integer")
            }
            bounds.append(code)
        }
        guard bounds.count == 2, min <= bounds[0], bounds[0] <= bounds[1], bounds[1] <= max else {
            throw .config(path: entry.child(key), message: "expected [lo, hi] with \(min) ≤ lo ≤ hi ≤ \(max)")
        }
        return bounds[0]...bounds[1]
    }
}
