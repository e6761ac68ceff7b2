import Foundation

/// Compares a run's JSON with the figures of an independent implementation, as the conformance
/// READMEs say: 1e-6 on numbers, 1e-3 on CI bounds, alpha, r_drop, alpha_if_dropped, impact and
/// priority; strings and booleans exact; null is null; inputs matched by file name.
struct JSONComparison {
    /// Keys not compared (and allowed extra in the run's output).
    var ignored: Set<String>
    /// Keys the run may have beyond the expected ones, with the value they must have.
    var addedSince: [String: any Sendable] = [:]
    /// Keys not compared inside the objects of one key only (`evaporation` → `significant`).
    var ignoredWithin: [String: Set<String>] = [:]

    static let loose: Set<String> = ["ci_low", "ci_high", "alpha", "r_drop", "alpha_if_dropped", "impact", "priority"]

    /// Every mismatch, one line each with its key path.
    func mismatches(_ got: Any?, _ want: Any?, path: String = "") -> [String] {
        var found: [String] = []
        compare(got, want, path: path, into: &found)
        return found
    }

    private func compare(_ got: Any?, _ want: Any?, path: String, into mismatches: inout [String]) {
        let key = String(path.split(separator: ".").last ?? "")
        switch want {
        case let object as [String: Any]:
            guard let mine = got as? [String: Any] else { return mismatches.append("\(path): expected object") }
            let parent = String(key.prefix { $0 != "[" })
            let skipped = ignored.union(ignoredWithin[parent] ?? [])
            for (name, value) in object where !skipped.contains(name) {
                if name == "path" {
                    if Self.fileName(mine[name]) != Self.fileName(value) {
                        mismatches.append("\(path).path: expected \(value), got \(mine[name] ?? "null")")
                    }
                    continue
                }
                compare(mine[name], value, path: "\(path).\(name)", into: &mismatches)
            }
            var extra = Set(mine.keys).subtracting(object.keys).subtracting(skipped)
            for (name, value) in addedSince where extra.contains(name) {
                extra.remove(name)
                compare(mine[name], value, path: "\(path).\(name)", into: &mismatches)
            }
            if !extra.isEmpty { mismatches.append("\(path): unexpected keys \(extra.sorted())") }
        case let array as [Any]:
            guard let mine = got as? [Any], mine.count == array.count else {
                return mismatches.append("\(path): expected \(array.count) elements, got \(String(describing: got))")
            }
            for index in array.indices { compare(mine[index], array[index], path: "\(path)[\(index)]", into: &mismatches) }
        case let flag as Bool where type(of: want!) == Bool.self:
            if (got as? Bool) != flag { mismatches.append("\(path): expected \(flag), got \(String(describing: got))") }
        case let number as NSNumber:
            guard let mine = got as? NSNumber else { return mismatches.append("\(path): expected \(number), got null") }
            let tolerance = Self.loose.contains(key) ? 1e-3 : 1e-6
            if abs(mine.doubleValue - number.doubleValue) > tolerance {
                mismatches.append("\(path): expected \(number), got \(mine)")
            }
        case nil, is NSNull:
            if !(got == nil || got is NSNull) { mismatches.append("\(path): expected null, got \(got!)") }
        default:
            if "\(want!)" != "\(got ?? "null")" { mismatches.append("\(path): expected \(want!), got \(got ?? "null")") }
        }
    }

    private static func fileName(_ path: Any?) -> String? {
        (path as? String).map { ($0 as NSString).lastPathComponent }
    }
}
