/// Walks a JSON object and reads typed values, naming the key path of every
/// problem (`areas[2].headcount: expected integer`) and rejecting unknown keys.
public struct ConfigReader {
    public let path: String
    private let fields: [String: JSONValue]

    public init(_ value: JSONValue, path: String) throws(PipelineError) {
        guard case .object(let fields) = value else { throw .config(path: path, message: "expected an object") }
        self.path = path
        self.fields = fields
    }

    public func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Fails on any key not in `known`.
    public func allowOnly(_ known: Set<String>) throws(PipelineError) {
        for key in fields.keys.sorted() where !known.contains(key) {
            throw .config(path: child(key), message: "unknown key (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
    }

    public func has(_ key: String) -> Bool {
        if case .some(.null) = fields[key] { return false }
        return fields[key] != nil
    }

    public func raw(_ key: String) -> JSONValue? { fields[key] }

    public func object(_ key: String) throws(PipelineError) -> ConfigReader? {
        guard has(key), let value = fields[key] else { return nil }
        return try ConfigReader(value, path: child(key))
    }

    public func string(_ key: String) throws(PipelineError) -> String? {
        guard has(key), let value = fields[key] else { return nil }
        guard case .string(let text) = value else { throw .config(path: child(key), message: "expected string") }
        return text
    }

    public func bool(_ key: String) throws(PipelineError) -> Bool? {
        guard has(key), let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else { throw .config(path: child(key), message: "expected true or false") }
        return flag
    }

    public func integer(_ key: String) throws(PipelineError) -> Int? {
        guard has(key), let value = fields[key] else { return nil }
        guard case .integer(let number) = value else { throw .config(path: child(key), message: "expected integer") }
        return number
    }

    public func number(_ key: String) throws(PipelineError) -> Double? {
        guard has(key), let value = fields[key] else { return nil }
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: throw .config(path: child(key), message: "expected number")
        }
    }

    public func array(_ key: String) throws(PipelineError) -> [(value: JSONValue, path: String)]? {
        guard has(key), let value = fields[key] else { return nil }
        guard case .array(let elements) = value else { throw .config(path: child(key), message: "expected array") }
        return elements.enumerated().map { (value: $0.element, path: "\(child(key))[\($0.offset)]") }
    }

    public func strings(_ key: String) throws(PipelineError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element.value else { throw .config(path: element.path, message: "expected string") }
            result.append(text)
        }
        return result
    }

    /// The keys of an object whose values are all of one kind, sorted.
    public var keys: [String] { fields.keys.sorted() }
}
