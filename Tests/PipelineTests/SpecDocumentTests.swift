import Foundation
import XCTest

/// The contract lives in the repository as docs/SPEC.md: it must be a copy of the
/// shared SPEC when that is present, and every `§` the sources cite must exist in it.
final class SpecDocumentTests: XCTestCase {
    private static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    private static let spec = repository.appendingPathComponent("docs/SPEC.md")

    func testDocsSpecIsACopyOfTheSharedSpec() throws {
        let local = try Data(contentsOf: Self.spec)
        XCTAssertTrue(String(decoding: local, as: UTF8.self).hasPrefix("# SurveyPipeline — product specification"))
        let shared = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/SPEC.md")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        XCTAssertEqual(local, try Data(contentsOf: shared),
                       "docs/SPEC.md differs from ../shared/SPEC.md: copy it (cp ../shared/SPEC.md docs/SPEC.md)")
    }

    func testEverySectionTheSourcesCiteExists() throws {
        let spec = try String(contentsOf: Self.spec, encoding: .utf8)
        let headings = Set(spec.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("## ") || line.hasPrefix("### ") else { return nil }
            let number = line.drop(while: { $0 == "#" || $0 == " " }).prefix(while: { $0.isNumber || $0 == "." })
            return number.hasSuffix(".") ? String(number.dropLast()) : String(number)
        })
        XCTAssertTrue(headings.isSuperset(of: ["3.1", "5.2", "9.1", "10"]), "headings read: \(headings.sorted())")
        let cited = try Self.citedSections(under: Self.repository.appendingPathComponent("Sources"))
        XCTAssertFalse(cited.isEmpty)
        let unknown = cited.filter { !headings.contains($0.section) }.map { "\($0.file): §\($0.section)" }
        XCTAssertEqual(unknown, [], "the sources cite sections docs/SPEC.md does not have")
    }

    /// Every `§N` or `§N.M` in the Swift files below `folder`.
    private static func citedSections(under folder: URL) throws -> [(file: String, section: String)] {
        var found: [(file: String, section: String)] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            var rest = text[...]
            while let mark = rest.firstIndex(of: "§") {
                rest = rest[rest.index(after: mark)...].drop(while: { $0 == " " })
                var number = String(rest.prefix(while: { $0.isNumber || $0 == "." }))
                while number.hasSuffix(".") { number.removeLast() }
                if !number.isEmpty { found.append((url.lastPathComponent, number)) }
            }
        }
        return found
    }
}
