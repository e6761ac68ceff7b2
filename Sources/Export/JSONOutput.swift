/// A JSON document with keys in a fixed order, written the same way every time.
public indirect enum JSONOutput: Sendable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    /// `nil` becomes `null`.
    public static func number(_ value: Double?) -> JSONOutput { value.map(JSONOutput.number) ?? .null }
    public static func string(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
    public static func integer(_ value: Int?) -> JSONOutput { value.map(JSONOutput.integer) ?? .null }

    /// Pretty-printed with one space per level, ending in a newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 1), closing = String(repeating: " ", count: indent)
        switch self {
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (index, (key, value)) in fields.enumerated() {
                out.append(pad)
                Self.escape(key, into: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 1)
                out.append(index == fields.count - 1 ? "\n" : ",\n")
            }
            out.append(closing + "}")
        case .array(let elements):
            if elements.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (index, value) in elements.enumerated() {
                out.append(pad)
                value.write(to: &out, indent: indent + 1)
                out.append(index == elements.count - 1 ? "\n" : ",\n")
            }
            out.append(closing + "]")
        case .string(let text): Self.escape(text, into: &out)
        case .integer(let value): out.append(String(value))
        case .number(let value): out.append(value.isFinite ? "\(value)" : "null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        }
    }

    private static func escape(_ text: String, into out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
