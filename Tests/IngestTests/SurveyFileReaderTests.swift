import Foundation
import Ingest
import SurveyModel
import XCTest

/// Reading one employee export end to end (SPEC §3, §7): reject reasons and their
/// precedence, rows_read, area and header matching, renames, unknown columns,
/// and the input error when a rename is missing.
final class SurveyFileReaderTests: XCTestCase {
    private typealias CSV = EmployeeCSV

    private func read(_ bytes: [UInt8], config: PipelineConfig = CSV.config(), fileIndex: Int = 0,
                      in folder: ScratchFolder) throws -> IngestedFile {
        let path = try folder.write("survey.csv", bytes)
        return try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: fileIndex)
    }

    func testRejectReasonsFollowThePrecedenceOfSpec7() throws {
        let folder = try ScratchFolder()
        let bytes = CSV.bytes([
            CSV.header,
            ["r1", "\u{1}"],                                                        // 2: few fields + bad UTF-8
            CSV.row(id: "  ", area: "Ops\u{1}"),                                    // 3: bad UTF-8 + missing id
            CSV.row(id: "", date: "2026-02-30"),                                    // 4: missing id + bad date
            CSV.row(id: "e4", date: "31/12/2026", area: "Atlantis"),                // 5: bad date + unknown area
            CSV.row(id: "e5", area: "Atlantis", values: ["lead_vision": "6"]),      // 6: unknown area + bad value
            CSV.row(id: "e6", values: ["enps": "11", "mgmt_budget": "4.5"]),        // 7: two bad values
            CSV.row(id: "e7", values: ["waste_motion": "agree"]),                   // 8: Likert label on frequency
            CSV.row(id: "e8") + ["extra"],                                          // 9: too many fields
            CSV.row(id: "\u{1}x"),                                                  // 10: bad UTF-8 in the id
            CSV.row(id: "ok"),                                                      // 11: accepted
        ])
        let file = try read(bytes, fileIndex: 2, in: folder)
        XCTAssertEqual(file.rowsRead, 10)
        XCTAssertEqual(try file.table.count, 1)
        XCTAssertEqual(file.rejects.count, 9)
        XCTAssertEqual(file.rejects.map(\.line), Array(2...10))
        XCTAssertEqual(file.rejects.map(\.reason), [.fieldCount, .encoding, .missingID, .badDate, .unknownArea,
                                                    .invalidValue, .invalidValue, .fieldCount, .encoding])
        XCTAssertEqual(file.rejects.map(\.column), [nil, "area", "respondent_id", "submitted_at", "area",
                                                    "mgmt_budget", "waste_motion", nil, "respondent_id"])
        XCTAssertEqual(Set(file.rejects.map(\.fileIndex)), [2])
        XCTAssertEqual(file.rejects[0].rawFields, ["r1", "\u{FFFD}"])
        XCTAssertEqual(file.rejects[4].rawFields, CSV.row(id: "e5", area: "Atlantis", values: ["lead_vision": "6"]))
        XCTAssertEqual(file.rejects[7].rawFields.count, CSV.header.count + 1)
        XCTAssertEqual(try file.table.ids.string(0), "ok")
        XCTAssertEqual(try file.table.line, [11])
        XCTAssertEqual(try file.table.file, [2])
    }

    func testAcceptedRowsAreStoredAsCodes() throws {
        let folder = try ScratchFolder()
        let keys = CSV.itemKeys
        let bytes = CSV.bytes([
            CSV.header,
            CSV.row(id: "  e7 ", date: "2026-08-15T09:30:00+02:00", area: "  cust.   service ", role: " Manager ",
                    values: ["lead_vision": "Strongly agree", "lead_mobilize": "NA", "waste_defects": "Often",
                             "enps": "10"],
                    comment: "  better, \"faster\"\nsimpler  "),
            CSV.row(id: "e8", date: "2026-09-30", area: "OPS", role: "", values: ["enps": "0"], comment: "n/a"),
        ])
        let table = try read(bytes, in: folder).table
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual([table.ids.string(0), table.ids.string(1)], ["e7", "e8"])
        XCTAssertEqual(table.area, [1, 0])
        XCTAssertEqual(table.wave, [20263, 20263])
        // 2026-08-15 is day 20 680; 09:30 at +02:00 is 07:30 UTC (27 000 s).
        XCTAssertEqual(table.submitted, [20_680 * 86_400 + 27_000, (20_680 + 46) * 86_400])
        XCTAssertEqual(table.line, [2, 4])
        var first = [UInt8](repeating: 3, count: keys.count)
        first[keys.firstIndex(of: "lead_vision")!] = 5
        first[keys.firstIndex(of: "lead_mobilize")!] = 0
        first[keys.firstIndex(of: "waste_defects")!] = 4
        first[keys.firstIndex(of: "enps")!] = 11
        XCTAssertEqual(Array(table.answers(row: 0)), first)
        var second = [UInt8](repeating: 3, count: keys.count)
        second[keys.firstIndex(of: "enps")!] = 1
        XCTAssertEqual(Array(table.answers(row: 1)), second)
        // A comment is kept as read, untrimmed (its digest is taken over that text, SPEC §9.1).
        XCTAssertEqual([table.comments.string(0), table.comments.string(1)], ["  better, \"faster\"\nsimpler  ", ""])
        XCTAssertEqual(table.breakdowns[0].map { table.breakdownPools[0].values[Int($0)] }, ["Manager", ""])
    }

    func testRowsReadCountsEveryRecordAfterTheHeader() throws {
        let folder = try ScratchFolder()
        var bytes = CSV.bytes([CSV.header, CSV.row(id: "a")], lineEnd: "\r\n")
        bytes += Array("\r\n\r\n".utf8)                                              // lines 3–4 blank
        bytes += CSV.bytes([CSV.row(id: "b", comment: "two\r\nlines"), CSV.row(id: "c", area: "Nowhere")],
                           lineEnd: "\r\n")
        let file = try read(bytes, in: folder)
        XCTAssertEqual(file.rowsRead, 3)
        XCTAssertEqual(file.rowsRead, try file.table.count + file.rejects.count)
        XCTAssertEqual(try file.table.line, [2, 5])
        XCTAssertEqual(file.rejects.map(\.line), [7])
        XCTAssertEqual(file.rejects.map(\.reason), [.unknownArea])
    }

    /// A stray space after a closing quote must not hide the rows after it (SPEC §7: every row accounted for).
    func testSpaceAfterAClosingQuoteKeepsTheFollowingRows() throws {
        let folder = try ScratchFolder()
        let spaced = CSV.row(id: "q1").enumerated().map { CSV.header[$0.offset] == "area" ? "\"Ops\" " : $0.element }
        let bytes = CSV.bytes([CSV.header]) + Array((spaced.joined(separator: ",") + "\n").utf8)
            + CSV.bytes([CSV.row(id: "q2"), CSV.row(id: "q3")])
        let file = try read(bytes, in: folder)
        XCTAssertEqual(file.rowsRead, 3)
        XCTAssertEqual(file.rowsRead, try file.table.count + file.rejects.count)
        let table = try file.table
        XCTAssertEqual((0..<table.count).map { table.ids.string($0) }.suffix(2), ["q2", "q3"])
        XCTAssertEqual(try file.table.line.suffix(2), [3, 4])
    }

    func testAreaAliasesMatchIgnoringCaseAndInnerSpaces() throws {
        let folder = try ScratchFolder()
        let names = ["  cust.   service ", "CS", "customer service", "ops", "OPERATIONS   DEPT", "\tOperations"]
        let file = try read(CSV.bytes([CSV.header] + names.map { CSV.row(area: $0) }), in: folder)
        XCTAssertEqual(file.rejects.count, 0)
        XCTAssertEqual(try file.table.area, [1, 1, 1, 0, 0, 0])
        let unmatched = try read(CSV.bytes([CSV.header, CSV.row(area: "Cust Service")]), in: folder)
        XCTAssertEqual(unmatched.rejects.map(\.reason), [.unknownArea])
        let caught = try read(CSV.bytes([CSV.header, CSV.row(area: "Cust Service")]),
                              config: CSV.config(catchAll: "cs"), in: folder)
        XCTAssertEqual(try caught.table.area, [1])
    }

    func testThousandsOfDistinctAreaSpellingsAllMatch() throws {
        let folder = try ScratchFolder()
        var rows = [CSV.header]
        for variant in 0..<5_200 {  // 1 024 case patterns × 5 paddings: every cell distinct
            let letters = "operations".enumerated().map { variant >> $0.offset & 1 == 1 ? $0.element.uppercased() : String($0.element) }
            rows.append(CSV.row(id: "v\(variant)", area: String(repeating: " ", count: variant / 1_024) + letters.joined()))
            if variant % 1_000 == 0 { rows.append(CSV.row(id: "x\(variant)", area: "Operation\(variant)")) }
        }
        let file = try read(CSV.bytes(rows), in: folder)
        XCTAssertEqual(try file.table.count, 5_200)
        XCTAssertEqual(Set(try file.table.area), [0])
        XCTAssertEqual(file.rejects.count, 6)
        XCTAssertEqual(Set(file.rejects.map(\.reason)), [.unknownArea])
    }

    func testHeaderNamesMatchCaseInsensitivelyWithSpacesInAnyOrder() throws {
        let folder = try ScratchFolder()
        let header = CSV.header.map { "  " + $0.uppercased() + " " }.reversed()
        var values: [String: String] = [:]
        for (index, key) in CSV.itemKeys.enumerated() { values[key] = String(index % 5 + 1) }
        let file = try read(CSV.bytes([Array(header), Array(CSV.row(id: "z9", values: values).reversed())]),
                            in: folder)
        XCTAssertEqual(file.rejects.count, 0)
        XCTAssertEqual(file.unknownColumns, [])
        XCTAssertEqual(try file.table.ids.string(0), "z9")
        let expected = CSV.itemKeys.indices.map { UInt8($0 % 5 + 1) + (CSV.itemKeys[$0] == "enps" ? 1 : 0) }
        XCTAssertEqual(Array(try file.table.answers(row: 0)), expected)
    }

    func testColumnRenamesFromTheConfig() throws {
        let folder = try ScratchFolder()
        let header = ["Employee ID"] + CSV.header.dropFirst().map { $0 == "lead_vision" ? " q1 " : $0 }
        let bytes = CSV.bytes([header, CSV.row(id: "r9", values: ["lead_vision": "5"])])
        let config = CSV.config(renames: ["respondent_id": "employee id", "lead_vision": "Q1"])
        let file = try read(bytes, config: config, in: folder)
        XCTAssertEqual(try file.table.ids.string(0), "r9")
        XCTAssertEqual(try file.table.answers(row: 0).first, 5)
        XCTAssertEqual(file.unknownColumns, [])
        let path = try folder.write("plain.csv", bytes)
        XCTAssertTrue(inputError(path)?.message.contains("respondent_id") ?? false)
    }

    /// Every missing required column in one input error (SPEC §3.1), in form order; a renamed
    /// column is named as the file should spell it, with the config key that renamed it.
    func testEveryMissingColumnInOneError() throws {
        let folder = try ScratchFolder()
        let header = ["respondent_id", "submitted_at", "area", "lead_mobilize", "lead_momentum", "lead_inspire",
                      "lead_empower", "mgmt_buyin", "mgmt_control", "mgmt_planned", "life_easier", "life_time",
                      "life_lasting", "waste_defects", "waste_overproduction", "waste_waiting", "waste_talent",
                      "waste_transport", "waste_inventory", "waste_motion", "waste_processing", "enps"]
        let path = try folder.write("short.csv", CSV.bytes([header]))
        let error = inputError(path, config: CSV.config(renames: ["lead_vision": "Q1"]))
        XCTAssertEqual(error?.file, path)
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message, "missing required columns \"Q1\" (inputs.columns.employee.lead_vision), "
                       + "\"lead_urgency\", \"mgmt_budget\" (the header has 22 columns: respondent_id, "
                       + "submitted_at, area, lead_mobilize, lead_momentum, lead_inspire, lead_empower, mgmt_buyin, "
                       + "mgmt_control, mgmt_planned, … and 12 more)")
    }

    func testUnknownExtraAndMissingOptionalColumns() throws {
        let folder = try ScratchFolder()
        let header = CSV.header.filter { $0 != "role" && $0 != "comment" }
        let row = CSV.row(id: "u1").enumerated().filter { CSV.header[$0.offset] != "role" && CSV.header[$0.offset] != "comment" }
            .map(\.element)
        let file = try read(CSV.bytes([["Department"] + header + ["extra_notes"], ["Ops"] + row + ["x"]]), in: folder)
        XCTAssertEqual(file.unknownColumns, ["Department", "extra_notes"])
        XCTAssertEqual(try file.table.count, 1)
        XCTAssertEqual(try file.table.comments.string(0), "")
    }

    func testSemicolonDelimiterFromTheConfig() throws {
        let folder = try ScratchFolder()
        let bytes = CSV.bytes([CSV.header, CSV.row(id: "s1", comment: "1,5; or 2")], delimiter: ";")
        let file = try read(bytes, config: CSV.config(delimiter: UInt8(ascii: ";")), in: folder)
        XCTAssertEqual(file.rejects.count, 0)
        XCTAssertEqual(try file.table.comments.string(0), "1,5; or 2")
    }
}
