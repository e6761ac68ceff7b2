import Foundation
import SurveyModel

/// One input file and the survey it holds, in run order (employees first).
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var kind: SurveyKind

    public init(path: String, kind: SurveyKind) {
        self.path = path
        self.kind = kind
    }
}

/// Expands the configured paths and globs into files, in a stable order.
public enum InputResolver {
    public static func resolve(_ inputs: InputConfig) throws(PipelineError) -> [InputFile] {
        // Either survey may be absent (SPEC §3.7); with neither there is nothing to score.
        if inputs.employees.isEmpty, inputs.customers.isEmpty {
            throw .config(path: "inputs", message: "no survey given: set inputs.employees or inputs.customers "
                          + "(or both) in pipeline.json, or pass --employees PATH / --customers PATH")
        }
        var files: [InputFile] = []
        for (kind, patterns) in [(SurveyKind.employee, inputs.employees), (.customer, inputs.customers)] {
            for pattern in patterns {
                let paths = expand(pattern)
                if paths.isEmpty {
                    throw .input(file: pattern, line: nil, message: "matches no file (inputs.\(kind == .employee ? "employees" : "customers"))")
                }
                for path in paths { files.append(InputFile(path: path, kind: kind)) }
            }
        }
        guard files.count <= maxFiles else {
            throw .config(path: "inputs", message: "\(files.count) input files; at most \(maxFiles) are supported "
                          + "(first: \(MessageText.list(files.map(\.path))))")
        }
        return files
    }

    /// At most this many input files in one run: a row's file index is 16 bits (`ResponseTable.file`).
    public static let maxFiles = Int(UInt16.max) + 1

    /// A pattern with `*`, `?` or `[` is globbed (sorted; empty when it matches nothing: an input
    /// error, never an absent survey); anything else is a plain path (ingest reports it missing).
    static func expand(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
