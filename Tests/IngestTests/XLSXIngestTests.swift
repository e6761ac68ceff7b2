import Foundation
import Ingest
import SurveyModel
import XCTest
import XLSXWriter

/// `.xlsx` inputs through ingest (SPEC §3.8) on a Microsoft Forms export written at test time by
/// the project's own libxlsxwriter wrapper (`writeWorkbook` says what each row holds): `auto` finds
/// microsoft_forms, one header row, sheet row numbers as lines, serial dates for submitted_at,
/// integer numbers as answers, 7.5 invalid, a short row padded with empty cells, a formatting-only
/// row no record. (Tests/XLSXInputTests read the same shape as XlsxWriter wrote it, a second writer.)
final class XLSXIngestTests: XCTestCase {
    /// The Excel serial number (1900 date system) of a UTC time: days since 1899-12-30.
    private static func serial(_ unix: Int) -> Double { Double(unix) / 86_400 + 25_569 }

    /// Sheet `Form1`: header ID, Start time, Completion time, Email, Name, two questions, Comments.
    /// Row 2 every cell (an empty Name); row 3 a comment with accents and a line break; row 4 lacks
    /// Email and Name and answers 7.5; row 5 holds formatting only; row 6 is absent; row 7 ends at D.
    private static func writeWorkbook() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("forms-\(UUID().uuidString).xlsx").path
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Form1")
        let when = try workbook.addFormat(CellStyle(numberFormat: "m/d/yy h:mm:ss"))
        let grey = try workbook.addFormat(CellStyle(fill: 0xDDDDDD))
        let header = ["ID", "Start time", "Completion time", "Email", "Name", "I understand our strategy",
                      "How likely are you to recommend us?", "Comments"]
        for (column, text) in header.enumerated() { try sheet.string(0, column, text, nil) }
        // (row, start, completion) in Unix seconds: 2024-03-04 09:15:00 / 09:21:30, 2024-03-05 23:59:00 /
        // 03-06 00:01:02, 2024-03-07 12:00 / 12:30, 2024-03-08 08:00 / 08:05.
        let times = [(1, 1_709_543_700, 1_709_544_090), (2, 1_709_683_140, 1_709_683_262),
                     (3, 1_709_812_800, 1_709_814_600), (6, 1_709_884_800, 1_709_885_100)]
        for (id, (row, start, completion)) in times.enumerated() {
            try sheet.number(row, 0, Double(id + 1), nil)
            try sheet.number(row, 1, serial(start), when)
            try sheet.number(row, 2, serial(completion), when)
        }
        try sheet.string(1, 3, "anonymous", nil)
        try sheet.string(1, 4, "", nil)
        try sheet.string(1, 5, "Agree", nil)
        try sheet.number(1, 6, 9, nil)
        try sheet.string(1, 7, "Great team, clear goals", nil)
        try sheet.string(2, 3, "anonymous", nil)
        try sheet.string(2, 5, "Strongly agree", nil)
        try sheet.number(2, 6, 10, nil)
        try sheet.string(2, 7, "Caf\u{E9} \u{FC}ber alles\nsecond line", nil)
        try sheet.string(3, 5, "Neutral", nil)
        try sheet.number(3, 6, 7.5, nil)
        try sheet.blank(4, 0, grey)
        try sheet.blank(4, 3, grey)
        try sheet.string(6, 3, "anonymous", nil)
        try workbook.close()
        return path
    }

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
        let path = try Self.writeWorkbook()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0)
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
        let path = try Self.writeWorkbook()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = SurveyFileReader(config: config, kind: .employee)
        let first = try reader.read(path: path, fileIndex: 0).table
        let second = try reader.read(path: path, fileIndex: 1).table
        // The same response number 1 in two files is two respondents: their duplicate keys differ.
        XCTAssertNotEqual(first.ids.string(0), second.ids.string(0))
        XCTAssertNotEqual(first.ids.string(0), first.ids.string(1))
    }
}
