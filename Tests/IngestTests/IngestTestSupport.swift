import Foundation
import Ingest
import SurveyModel
import XCTest

/// A scratch folder removed when the value goes away.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// Writes `bytes` to `name` and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Builds employee-survey CSV files with the default instrument's columns.
enum EmployeeCSV {
    static let form = DefaultInstrument.value.employee
    static var itemKeys: [String] { form.items.map(\.key) }
    static var header: [String] { ["respondent_id", "submitted_at", "area", "role"] + itemKeys + ["comment"] }

    /// One data row; every item answers "3" (valid on all three scales) unless overridden.
    static func row(id: String = "e1", date: String = "2026-08-15", area: String = "Operations",
                    role: String = "Frontline", values: [String: String] = [:], comment: String = "") -> [String] {
        [id, date, area, role] + itemKeys.map { values[$0] ?? "3" } + [comment]
    }

    /// The rows as CSV bytes, quoting fields that need it. Each U+0001 in a field becomes
    /// the byte 0xFF, so tests can write invalid UTF-8.
    static func bytes(_ rows: [[String]], delimiter: Character = ",", lineEnd: String = "\n") -> [UInt8] {
        let text = rows.map { fields in
            fields.map { field -> String in
                guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0.isNewline }) else { return field }
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: String(delimiter))
        }.map { $0 + lineEnd }.joined()
        return Array(text.utf8).map { $0 == 0x01 ? 0xFF : $0 }
    }

    /// Two areas with aliases, the default instrument.
    static func config(renames: [String: String] = [:], delimiter: UInt8 = UInt8(ascii: ","),
                       catchAll: String? = nil) -> PipelineConfig {
        PipelineConfig(
            inputs: InputConfig(delimiter: delimiter, renames: [.employee: renames]),
            areas: [Area(name: "Operations", aliases: ["Ops", "Operations Dept"], headcount: 40),
                    Area(name: "Customer Service", aliases: ["CS", "Cust. Service"])],
            catchAllArea: catchAll, instrument: DefaultInstrument.value)
    }
}

extension XCTestCase {
    /// The `PipelineError.input` that reading throws, or a failure.
    func inputError(_ path: String, config: PipelineConfig = EmployeeCSV.config(),
                    line: UInt = #line) -> (file: String, line: Int?, message: String)? {
        do throws(PipelineError) {
            _ = try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0)
            XCTFail("expected an input error for \(path)", line: line)
        } catch {
            XCTAssertEqual(error.exitCode, 3, line: line)
            if case .input(let file, let at, let message) = error { return (file, at, message) }
            XCTFail("expected PipelineError.input, got \(error)", line: line)
        }
        return nil
    }
}
