import Foundation

/// Paths into Tests/Fixtures and scratch folders for tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// The tiny fixture's pipeline.json with absolute input paths, changed by `edit`, in a new folder.
    static func tinyConfig(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        guard var json = try json("tiny/pipeline.json") as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        json["inputs"] = ["employees": [path("tiny/employees.csv")], "customers": [path("tiny/customers.csv")]]
        edit(&json)
        let config = try temporaryFolder() + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: config))
        return config
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// A minimal RFC 4180 reader for checking the rejects file in tests.
enum RejectsFile {
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" { quoted = true
            } else if scalar == "," { row.append(field); field = ""
            } else if scalar == "\r" { continue
            } else if scalar == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(scalar) }
        }
        return Array(rows.dropFirst())
    }
}
