import Foundation
import Ingest
import SurveyModel
import XCTest

/// End to end from `pipeline.json` to the rows read (SPEC §3.4): a small export with Google
/// Forms timestamps is accepted only with the configured pattern, and each row lands in the
/// wave of its date as written, its instant moved by the offset.
final class DateFormatsFileTests: XCTestCase {
    private typealias CSV = EmployeeCSV

    private func config(dateFormats: [String]) throws -> PipelineConfig {
        let list = dateFormats.map { "\"\($0)\"" }.joined(separator: ", ")
        return try ConfigLoader.parse(Data(#"""
            {"areas": [{"name": "Operations"}], "inputs": {"date_formats": [\#(list)]}}
            """#.utf8))
    }

    func testGoogleFormsTimestampsWithTheirPatternAreAcceptedIntoTheirWaves() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("google.csv", CSV.bytes([
            CSV.header,
            CSV.row(id: "g1", date: "2021/03/04 10:15:32 AM GMT+1"),
            CSV.row(id: "g2", date: "2021/03/31 11:30:00 PM GMT-2"),
            CSV.row(id: "g3", date: "2021/04/01 12:05:00 AM GMT+5:30"),
            CSV.row(id: "g4", date: "2021-07-01T08:00:00.250Z"),
            CSV.row(id: "g5", date: "3/4/2021 14:05:09"),
        ]))
        let file = try SurveyFileReader(config: config(dateFormats: ["%Y/%m/%d %I:%M:%S %p %z"]), kind: .employee)
            .read(path: path, fileIndex: 0)
        XCTAssertEqual(file.rowsRead, 5)
        XCTAssertEqual(file.rejects.map(\.line), [6], "the month-first date has no pattern")
        XCTAssertEqual(file.rejects.map(\.reason), [.badDate])
        let table = try file.table
        // Quarter keys (year × 10 + quarter) of the dates as written: g2 is 01:30 UTC on April 1st but
        // was written on March 31st (Q1); g3 is 18:35 UTC on March 31st but was written on April 1st (Q2).
        XCTAssertEqual(table.wave, [20211, 20211, 20212, 20213])
        // Days since 1970: 2021-03-04 is 18 690, 2021-03-31 is 18 717, 2021-04-01 is 18 718, 2021-07-01 is 18 809.
        let expected: [Int64] = [
            18_690 * 86_400 + 36_932 - 3_600,   // 10:15:32 at +01:00
            18_717 * 86_400 + 84_600 + 7_200,   // 23:30:00 at -02:00
            18_718 * 86_400 + 300 - 19_800,     // 00:05:00 at +05:30
            18_809 * 86_400 + 28_800,           // 08:00:00.250Z, the fraction truncated
        ]
        XCTAssertEqual(table.submitted, expected)
    }

    func testWithoutThePatternTheSameTimestampIsABadDate() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("google.csv", CSV.bytes([
            CSV.header, CSV.row(id: "g1", date: "2021/03/04 10:15:32 AM GMT+1"),
        ]))
        let file = try SurveyFileReader(config: config(dateFormats: []), kind: .employee).read(path: path, fileIndex: 0)
        XCTAssertEqual(file.rejects.map(\.reason), [.badDate])
        XCTAssertEqual(file.rejects.map(\.column), ["submitted_at"])
    }
}
