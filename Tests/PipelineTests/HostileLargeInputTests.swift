import CSVParser
import Foundation
import Ingest
import Pipeline
import SurveyModel
import XCTest

/// Hostile inputs too big to commit, made in a temporary folder by each test: a 5 MB
/// field, a 10,000-column header with and without the required columns, and line
/// ends that straddle CSVStream's 1 MiB reads.
final class HostileLargeInputTests: XCTestCase {
    /// With `inputs.max_field_bytes` at 8 MiB, a 5 MB comment (plain, then quoted over 800,000
    /// lines) is accepted; a 5 MB Likert cell is an invalid value and reaches the rejects file
    /// whole; line numbers stay physical.
    func testFiveMegabyteFieldsUnderARaisedLimit() throws {
        let huge = String(repeating: "x", count: 5_000_000)
        let manyLines = 800_000
        let quoted = "\"" + String(repeating: "y,\"\" \n", count: manyLines) + "\""
        let text = [Hostile.employeeHeader, Hostile.employeeRow(1), Hostile.employeeRow(2, comment: huge),
                    Hostile.employeeRow(3, comment: quoted), Hostile.employeeRow(4, vision: huge),
                    Hostile.employeeRow(5, vision: "9")].joined(separator: "\n") + "\n"
        let path = try Hostile.write(Data(text.utf8), named: "five-megabytes.csv")
        let report = try Hostile.run(employees: [path], maxFieldBytes: 8 << 20)
        let folders = [path, report.outcome.jsonPath].map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        addTeardownBlock {  // some 20 MB of input and rejects
            for folder in folders { try? FileManager.default.removeItem(at: folder) }
        }
        let input = try report.input("five-megabytes.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 5)
        XCTAssertEqual(input["accepted"] as? Int, 3)
        let rejected = report.rejected("five-megabytes.csv")
        XCTAssertEqual(rejected.map(\.line), [4 + manyLines + 1, 4 + manyLines + 2])
        XCTAssertEqual(rejected.map(\.reason), ["invalid_value", "invalid_value"])
        XCTAssertEqual(report.rejects.first?[8].count, huge.count, "the 5 MB cell is kept whole in the rejects")
    }

    /// SPEC §7 at the default 1 MiB: a 5 MB comment (plain or quoted over many lines) or Likert
    /// cell rejects its row as `field_too_long`, naming the column, with that field cut to
    /// 1,048,576 bytes (é cut whole) in the rejects; a row with a long field and too few
    /// fields is `field_count` (it comes first); the rows after keep their physical lines.
    func testFieldsLongerThanTheLimitRejectTheirRow() throws {
        let huge = String(repeating: "x", count: 5_000_000)
        let accents = "a" + String(repeating: "é", count: 1_000_000)  // byte 1,048,576 is inside an é
        let quotedLines = 300_000
        let quoted = "\"" + String(repeating: "y,\"\" \n", count: quotedLines) + "\""
        let short = Hostile.employeeRow(6, comment: huge).split(separator: ",").dropFirst().joined(separator: ",")
        let text = [Hostile.employeeHeader, Hostile.employeeRow(1), Hostile.employeeRow(2, comment: huge),
                    Hostile.employeeRow(3, comment: quoted), Hostile.employeeRow(4, vision: huge),
                    Hostile.employeeRow(5, comment: accents), short, Hostile.employeeRow(7)]
            .joined(separator: "\n") + "\n"
        let path = try Hostile.write(Data(text.utf8), named: "too-long.csv")
        let report = try Hostile.run(employees: [path])
        let folders = [path, report.outcome.jsonPath].map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        addTeardownBlock {
            for folder in folders { try? FileManager.default.removeItem(at: folder) }
        }
        let input = try report.input("too-long.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 7)
        XCTAssertEqual(input["accepted"] as? Int, 2)
        let reasons = try XCTUnwrap(report.json["rejected_by_reason"] as? [String: Int])
        XCTAssertEqual(reasons["field_too_long"], 4)
        XCTAssertEqual(reasons["field_count"], 1)
        let rejected = report.rejected("too-long.csv")
        XCTAssertEqual(rejected.map(\.line), [3, 4, 5 + quotedLines, 6 + quotedLines, 7 + quotedLines])
        XCTAssertEqual(rejected.map(\.reason), ["field_too_long", "field_too_long", "field_too_long", "field_too_long",
                                                "field_count"])
        XCTAssertEqual(rejected.map(\.column), ["comment", "comment", "lead_vision", "comment", ""])
        let rows = report.rejects.filter { $0[0].hasSuffix("/too-long.csv") }
        XCTAssertEqual(rows[0][4 + 26], String(repeating: "x", count: 1 << 20))
        XCTAssertEqual(rows[1][4 + 26].utf8.count, 1 << 20)
        XCTAssertEqual(rows[2][4 + 4], String(repeating: "x", count: 1 << 20))
        XCTAssertEqual(rows[3][4 + 26], "a" + String(repeating: "é", count: (1 << 20) / 2 - 1), "cut before a whole é")
        XCTAssertEqual(rows[4].count, 4 + 26, "the field_count row keeps its fields")
    }

    /// 10,000 columns and none of the required ones: one input error naming the missing columns
    /// and the file, in a message that stays short (it lists at most 10 of each).
    func testTenThousandColumnsWithoutTheRequiredOnes() throws {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "1", count: 10_000).joined(separator: ",")
        let path = try Hostile.write(Data((header + "\n" + row + "\n").utf8), named: "wide-missing.csv")
        let error = try Hostile.failure(employees: [path])
        Hostile.assertInputError(error, naming: path, saying: "missing required columns \"respondent_id\"")
        XCTAssertTrue(error.description.contains("… and 15 more (the header has 10000 columns: c0, c1,"), "\(error)")
        XCTAssertTrue(error.description.hasSuffix(" c9, … and 9990 more)"), "\(error)")
        XCTAssertLessThan(error.description.utf8.count, 1_000)
    }

    /// The 27 employee columns spread among 9,973 unknown ones (10,000 in all): the rows are
    /// accepted; ingest lists every unknown column, and the data-quality sheet shows them (its cell
    /// is cut at Excel's 32,767 characters).
    func testTenThousandColumnsWithTheRequiredOnesAreAccepted() throws {
        let known = Hostile.employeeHeader.split(separator: ",").map(String.init)
        let extra = (0..<(10_000 - known.count)).map { String(format: "extra_%05d", $0) }
        let half = extra.count / 2
        func line(_ knownCells: [String], _ extraCell: String) -> String {
            (Array(repeating: extraCell, count: half) + knownCells
                + Array(repeating: extraCell, count: extra.count - half)).joined(separator: ",")
        }
        let header = (extra[..<half] + known + extra[half...]).joined(separator: ",")
        let rows = [1, 2].map { line(Hostile.employeeRow($0).split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init), $0 == 1 ? "z" : "") }
        let path = try Hostile.write(Data(([header] + rows).joined(separator: "\r\n").utf8), named: "wide.csv")
        let report = try Hostile.run(employees: [path])
        XCTAssertEqual(try report.input("wide.csv")["rows_read"] as? Int, 2)
        XCTAssertEqual(try report.input("wide.csv")["accepted"] as? Int, 2)

        let options = try Hostile.options(employees: [path], customers: [Hostile.goodCustomers])
        let config = try ConfigLoader.load(path: options.configPath).config
        let file = try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0)
        XCTAssertEqual(file.unknownColumns, extra)

        let workbook = try XCTUnwrap(report.outcome.workbookPath)
        let strings = try HostileLines.unzip(workbook, part: "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("extra_00000, extra_00001"), "unknown columns not in the workbook")
    }

    /// A CRLF whose CR ends one 1 MiB read and whose LF starts the next is one line end; a lone CR
    /// in the same place is one too. Both files hold records on lines 1–4, read from disk or memory.
    func testLineEndsAcrossTheReadBoundary() throws {
        for (name, end) in [("crlf", "\r\n"), ("lone-cr", "\r")] {
            let prefix = Hostile.employeeHeader + end
            let filler = CSVStream.chunkSize - 1 - prefix.utf8.count - Hostile.employeeRow(1, comment: "").utf8.count
            let text = prefix + Hostile.employeeRow(1, comment: String(repeating: "p", count: filler)) + end
                + Hostile.employeeRow(2) + end + Hostile.employeeRow(3, vision: "9") + end
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes[CSVStream.chunkSize - 1], 0x0D, name)
            let path = try Hostile.write(Data(bytes), named: "\(name).csv")
            XCTAssertEqual(try HostileLines.startLines(of: path), [1, 2, 3, 4], "\(name), read in 1 MiB chunks")
            XCTAssertEqual(try HostileLines.startLines(parsing: bytes), [1, 2, 3, 4], "\(name), parsed in memory")
            let report = try Hostile.run(employees: [path])
            XCTAssertEqual(report.rejected("\(name).csv").map(\.line), [4], name)
        }
    }
}

/// Record start lines straight from `CSVStream`, and parts of a written workbook.
enum HostileLines {
    static func startLines(of path: String) throws -> [Int] {
        var lines: [Int] = []
        try CSVStream(delimiter: UInt8(ascii: ",")).read(path: path, onBytes: { _ in },
                                                         onRecord: { lines.append($0.line) })
        return lines
    }

    static func startLines(parsing bytes: [UInt8]) throws -> [Int] {
        var lines: [Int] = []
        try CSVStream(delimiter: UInt8(ascii: ",")).parse(bytes) { lines.append($0.line) }
        return lines
    }

    /// One part of an .xlsx through /usr/bin/unzip; skips the test when unzip is not installed.
    static func unzip(_ archive: String, part: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else {
            throw XCTSkip("/usr/bin/unzip is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", archive, part]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
