import Foundation
import Pipeline
import SyntheticData
import XCTest

/// `generate` (SampleWriter over SyntheticData): the default comment model looks like
/// real survey verbatims, and the `phrases` model still writes the tracked samples/
/// byte for byte, as the previous release did.
final class GenerateTests: XCTestCase {
    private static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    /// scripts/make-samples' command with `--comments phrases` reproduces samples/ (the
    /// previous release's output, with the hand-made bad rows appended to employees.csv).
    func testPhrasesModelWritesTheTrackedSamples() throws {
        let out = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let spec = GeneratorSpec(employees: 2000, customers: 5000, waves: 4, areas: 6, seed: 7, comments: .phrases)
        _ = try SampleWriter.write(spec, to: out)
        let samples = Self.repository.appendingPathComponent("samples")
        let handmade = try Data(contentsOf: samples.appendingPathComponent("handmade/employees-bad-rows.csv"))
        let employees = try Data(contentsOf: URL(fileURLWithPath: out + "/employees.csv"))
        XCTAssertEqual(employees + handmade, try Data(contentsOf: samples.appendingPathComponent("employees.csv")))
        for name in ["customers.csv", "areas.json"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)),
                           try Data(contentsOf: samples.appendingPathComponent(name)), name)
        }
    }

    /// The default: about a third of rows commented, every comment 5–40 words, the themes a
    /// keyword list would look for all present, and the same seed giving the same bytes.
    func testRealisticCommentsAreAThirdOfRowsOfFiveToFortyWords() throws {
        let out = try Fixtures.temporaryFolder(), again = try Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: again)
        }
        let spec = GeneratorSpec(employees: 6000, customers: 6000, waves: 2, areas: 4, seed: 5)
        XCTAssertEqual(spec.comments, .realistic)
        _ = try SampleWriter.write(spec, to: out)
        _ = try SampleWriter.write(spec, to: again)
        for file in ["employees.csv", "customers.csv"] {
            let rows = try RejectsFile.rows(out + "/" + file)
            XCTAssertEqual(rows.count, 6000, file)
            let comments = rows.compactMap(\.last).filter { !$0.isEmpty }
            let share = Double(comments.count) / Double(rows.count)
            XCTAssert((0.31...0.36).contains(share), "\(file): \(share) of rows have a comment")
            let words = comments.map { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
            XCTAssertEqual(words.min(), 5, file)
            XCTAssertEqual(words.max(), 40, file)
            let mean = Double(words.reduce(0, +)) / Double(words.count)
            XCTAssert((12...28).contains(mean), "\(file): \(mean) words on average")
            XCTAssert(comments.contains { $0.contains("\n") } && comments.contains { $0.contains("\"") }, file)
            XCTAssert(comments.contains { $0.unicodeScalars.contains { !$0.isASCII } }, file)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)),
                           try Data(contentsOf: URL(fileURLWithPath: again + "/" + file)), file)
        }
        let employeeText = try RejectsFile.rows(out + "/employees.csv").compactMap(\.last).joined(separator: " ")
            .lowercased()
        for theme in ["waiting", "rework", "handoff", "tools", "ideas", "leaders"] {
            XCTAssert(employeeText.contains(theme), "no employee comment mentions \(theme)")
        }
        let customerText = try RejectsFile.rows(out + "/customers.csv").compactMap(\.last).joined(separator: " ")
            .lowercased()
        for theme in ["waited", "call back", "explain", "wrong", "online form", "staff"] {
            XCTAssert(customerText.contains(theme), "no customer comment mentions \(theme)")
        }
    }
}
