import Foundation
import Ingest
import SurveyModel
import XCTest

/// `.xlsx` inputs through ingest (SPEC §3.8) on Tests/Fixtures/xlsx/microsoft_forms.xlsx (its
/// README says what each row holds): `auto` finds microsoft_forms, one header row, sheet row
/// numbers as lines, serial dates for submitted_at, integer numbers as answers, 7.5 invalid,
/// a short row padded with empty cells, a formatting-only row no record.
final class XLSXIngestTests: XCTestCase {
    private static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx/microsoft_forms.xlsx").path

    /// One employee item (`strategy`, likert) and the 0–10 item, no area column (a catch-all area).
    private var config: PipelineConfig {
        let form = SurveyForm(kind: .employee, idColumn: "respondent_id",
                              items: [Item(key: "strategy", text: "I understand our strategy", scale: .likert),
                                      Item(key: "enps", text: "Recommend", scale: .zeroToTen)],
                              recommendItem: "enps", breakdowns: [])
        let instrument = Instrument(employee: form, customer: DefaultInstrument.value.customer,
                                    constructs: [Construct(name: "strategy", label: "Strategy", survey: .employee,
                                                           items: ["strategy"])])
        return PipelineConfig(
            inputs: InputConfig(renames: [.employee: ["strategy": "I understand our strategy",
                                                      "enps": "How likely are you to recommend us?",
                                                      "comment": "Comments"]]),
            areas: [Area(name: "Everyone")], catchAllArea: "Everyone", instrument: instrument)
    }

    func testMicrosoftFormsWorkbookIsReadLikeACSV() throws {
        let file = try SurveyFileReader(config: config, kind: .employee).read(path: Self.path, fileIndex: 0)
        XCTAssertEqual(file.layout.format, .microsoftForms)
        XCTAssertEqual(file.layout.headerRows, 1)
        XCTAssertEqual(file.rowsRead, 4)  // rows 2, 3, 4, 7: row 5 holds formatting only, row 6 is absent
        XCTAssertEqual(file.rejects.map(\.line), [4])
        XCTAssertEqual(file.rejects.map(\.reason), [.invalidValue])
        XCTAssertEqual(file.rejects.first?.column, "enps")
        let table = try file.table
        XCTAssertEqual(Array(table.line), [2, 3, 7])
        // Completion time ← C: 2024-03-04 09:21:30 and 2024-03-06 00:01:02 as serial numbers.
        XCTAssertEqual(Array(table.submitted.prefix(2)), [1_709_544_090, 1_709_683_262])
        // "Agree" = 4, 9 stored as 9 + 1; "Strongly agree" = 5, 10 → 11; row 7 has neither (0 = missing).
        XCTAssertEqual(Array(table.answers(row: 0)), [4, 10])
        XCTAssertEqual(Array(table.answers(row: 1)), [5, 11])
        XCTAssertEqual(Array(table.answers(row: 2)), [0, 0])
    }

    func testFormsIdsAreUniquePerFileOnly() throws {
        let reader = SurveyFileReader(config: config, kind: .employee)
        let first = try reader.read(path: Self.path, fileIndex: 0).table
        let second = try reader.read(path: Self.path, fileIndex: 1).table
        // The same response number 1 in two files is two respondents: their duplicate keys differ.
        XCTAssertNotEqual(first.ids.string(0), second.ids.string(0))
        XCTAssertNotEqual(first.ids.string(0), first.ids.string(1))
    }
}
