import Foundation
import SurveyModel

/// What `validate` found (SPEC §8): per input the counts and example rejects, the quality
/// gate, and the problems in the order `run` would meet them — the first decides the exit status.
public struct ValidationReport: Sendable {
    public var inputs: [InputCheck] = []
    /// Nil when the run would stop before the gate is computed.
    var gate: QualityGate?
    public var problems: [PipelineError] = []

    /// The exit status `run` would give: 0, or the first problem's (2 config or usage, 3 input, 4 gate).
    public var exitCode: Int32 { problems.first?.exitCode ?? 0 }

    /// The report for people: one block per input, the gate, the verdict.
    public func text() -> String {
        var lines: [String] = []
        for input in inputs {
            lines.append("\(MessageText.quoted(input.path)): \(input.kind.rawValue) survey")
            if let problem = input.problem { lines.append("  \(problem.description)") }
            guard let summary = input.summary else {
                if input.problem == nil { lines.append("  header ok; rows not read (run stops at the input error)") }
                continue
            }
            lines.append("  format: \(summary.format.rawValue)")
            lines.append("  header rows: \(summary.headerRows)")
            lines.append("  encoding: \(summary.encoding)")
            if let hint = summary.encodingHint { lines.append("  warning: \(hint)") }
            lines.append("  rows read: \(summary.rowsRead)")
            lines.append("  accepted: \(summary.accepted)")
            lines.append("  rejected: \(summary.rejected)")
            for (reason, count) in input.rejectedByReason {
                lines.append("    \(reason.rawValue): \(count)")
                lines += (input.examples[reason] ?? []).map { "      " + $0.text }
            }
        }
        if let gate {
            lines.append("quality gate: \(gate.rejected) of \(gate.read) rows rejected (\(formatPercent(gate.share)), "
                         + "limit \(formatPercent(gate.limit))): \(gate.holds ? "holds" : "fails")")
        }
        if let first = problems.first, inputs.allSatisfy({ $0.problem == nil }) { lines.append(first.description) }
        lines.append("run would exit \(exitCode)")
        return lines.map { $0 + "\n" }.joined()
    }

    /// The report as JSON lines (`--log-format json`): one object per input, then one with the gate,
    /// the first problem and the exit status.
    public func jsonLines() -> String {
        var objects: [[String: Any]] = inputs.map { input in
            var object: [String: Any] = ["input": input.path, "kind": input.kind.rawValue]
            if let problem = input.problem { object["error"] = problem.description }
            if let summary = input.summary {
                object["format"] = summary.format.rawValue
                object["header_rows"] = summary.headerRows
                object["encoding"] = summary.encoding
                if let hint = summary.encodingHint { object["warning"] = hint }
                object["rows_read"] = summary.rowsRead
                object["accepted"] = summary.accepted
                object["rejected"] = summary.rejected
                object["rejected_by_reason"] = Dictionary(uniqueKeysWithValues: input.rejectedByReason.map {
                    ($0.reason.rawValue, $0.count)
                })
                object["examples"] = input.rejectedByReason.flatMap { reason, _ in
                    (input.examples[reason] ?? []).map { $0.json(reason: reason) }
                }
            }
            return object
        }
        var last: [String: Any] = ["exit_code": Int(exitCode)]
        if let gate {
            last["quality_gate"] = ["rejected": gate.rejected, "rows_read": gate.read, "limit": gate.limit,
                                    "holds": gate.holds]
        }
        if let first = problems.first { last["error"] = first.description }
        objects.append(last)
        return objects.map { object in
            let data = (try? JSONSerialization.data(withJSONObject: object,
                                                    options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}

/// One input file as `validate` saw it.
public struct InputCheck: Sendable {
    public var path: String
    public var kind: SurveyKind
    /// Nil when the file could not be read (see `problem`).
    public var summary: InputSummary?
    /// The first rejects of each reason (`Validator.examplesPerReason`).
    public var examples: [RejectReason: [RejectExample]] = [:]
    /// Why the file cannot be read: missing, unreadable, missing columns.
    public var problem: PipelineError?

    init(path: String, kind: SurveyKind, problem: PipelineError? = nil) {
        self.path = path
        self.kind = kind
        self.problem = problem
    }

    /// The reasons with rejects, in the order of SPEC §7.
    var rejectedByReason: [(reason: RejectReason, count: Int)] {
        RejectReason.allCases.compactMap { reason in
            summary?.rejectedByReason[reason].flatMap { $0 > 0 ? (reason, $0) : nil }
        }
    }
}

/// One rejected row shown as an example: where it is and what was wrong with it.
public struct RejectExample: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// Our name of the offending column (the id column for a duplicate); nil for `field_count`.
    public var column: String?
    /// The cell as read; nil when the row has no such field.
    public var value: String?
    /// The row's field count and the header's, for `field_count`.
    public var fields: Int
    public var expectedFields: Int

    public init(file: String, line: Int, column: String?, value: String?, fields: Int, expectedFields: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.fields = fields
        self.expectedFields = expectedFields
    }

    /// `file:line: column c, value "v"` with the value cut and escaped (SPEC §3.1 "Messages").
    var text: String {
        let place = "\(MessageText.quoted(file)):\(line): "
        guard let column else { return place + "\(fields) fields, the header has \(expectedFields)" }
        return place + "column \(MessageText.quoted(column))"
            + (value.map { ", value \"\(MessageText.quoted($0))\"" } ?? "")
    }

    func json(reason: RejectReason) -> [String: Any] {
        var object: [String: Any] = ["reason": reason.rawValue, "file": file, "line": line]
        if let column { object["column"] = column }
        if let value { object["value"] = MessageText.quoted(value) }
        if column == nil { object["fields"] = fields; object["header_fields"] = expectedFields }
        return object
    }
}
