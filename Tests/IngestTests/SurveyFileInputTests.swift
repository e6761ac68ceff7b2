import Foundation
import Ingest
import SurveyModel
import XCTest

/// Whole-file outcomes of `SurveyFileReader` (SPEC §3.1, §8): a missing or repeated
/// required column, a folder, a missing or empty file (input errors, exit 3), a
/// header-only file (no rows), and the SHA-256 of the bytes read.
final class SurveyFileInputTests: XCTestCase {
    private typealias CSV = EmployeeCSV

    private func read(_ bytes: [UInt8], in folder: ScratchFolder) throws -> IngestedFile {
        let path = try folder.write("survey.csv", bytes)
        return try SurveyFileReader(config: CSV.config(), kind: .employee).read(path: path, fileIndex: 0)
    }

    func testMissingRequiredColumnIsAnInputErrorNamingIt() throws {
        let folder = try ScratchFolder()
        for missing in ["lead_urgency", "submitted_at", "enps", "area", "respondent_id"] {
            let keep = CSV.header.indices.filter { CSV.header[$0] != missing }
            let row = CSV.row()
            let path = try folder.write("\(missing).csv", CSV.bytes([keep.map { CSV.header[$0] }, keep.map { row[$0] }]))
            let error = inputError(path)
            XCTAssertEqual(error?.file, path)
            XCTAssertEqual(error?.line, 1)
            XCTAssertTrue(error?.message.contains("\"\(missing)\"") ?? false, "\(missing): \(String(describing: error))")
        }
    }

    func testRepeatedColumnIsAnInputError() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("twice.csv", CSV.bytes([CSV.header + ["AREA"], CSV.row() + ["Ops"]]))
        XCTAssertTrue(inputError(path)?.message.contains("area") ?? false)
    }

    func testFolderMissingFileAndEmptyFileAreInputErrors() throws {
        let folder = try ScratchFolder()
        XCTAssertNotNil(inputError(folder.path))
        XCTAssertNotNil(inputError(folder.path + "/absent.csv"))
        XCTAssertNotNil(inputError(try folder.write("empty.csv", [])))
        XCTAssertNotNil(inputError(try folder.write("bom-only.csv", [0xEF, 0xBB, 0xBF])))
        XCTAssertNotNil(inputError(try folder.write("blank.csv", Array("\n\r\n\n".utf8))))
    }

    func testHeaderOnlyFileHasNoRows() throws {
        let folder = try ScratchFolder()
        for bytes in [CSV.bytes([CSV.header]), Array(CSV.bytes([CSV.header]).dropLast())] {
            let file = try read(bytes, in: folder)
            XCTAssertEqual(file.rowsRead, 0)
            XCTAssertEqual(try file.table.count, 0)
            XCTAssertEqual(file.rejects.count, 0)
        }
    }

    func testSHA256MatchesSha256sum() throws {
        let folder = try ScratchFolder()
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + CSV.bytes([CSV.header])
        let row = CSV.bytes([CSV.row(comment: "\u{1} é")])
        while bytes.count < 3 * (1 << 20) / 2 { bytes += row }           // more than one read chunk
        for (name, content) in [("small.csv", Array(bytes.prefix(4000))), ("large.csv", bytes)] {
            let path = try folder.write(name, content)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let expected = String(output.prefix(while: { !$0.isWhitespace }))
            XCTAssertEqual(expected.count, 64)
            XCTAssertEqual(try SurveyFileReader(config: CSV.config(), kind: .employee).read(path: path, fileIndex: 0).sha256,
                           expected, name)
        }
    }
}
