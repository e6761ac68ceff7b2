@testable import Export
import Foundation
import XCTest

/// The archive reader the workbook tests stand on: a broken workbook must make them
/// fail, not pass as skipped.
final class WorkbookArchiveTests: XCTestCase {
    private func writeWorkbook(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("report.xlsx")
        try WorkbookWriter.write(report: WorkbookFixture.report, metadata: WorkbookFixture.metadata,
                                 config: WorkbookFixture.config, to: path)
        return path
    }

    func testAMissingPartFails() throws {
        let folder = try TemporaryFolder()
        let archive = WorkbookArchive(path: try writeWorkbook(in: folder))
        XCTAssertTrue(try archive.part("xl/workbook.xml").contains("<sheet name=\"Summary\""))
        XCTAssertThrowsError(try archive.part("xl/worksheets/sheet99.xml")) { error in
            XCTAssertFalse(error is XCTSkip, "a missing part must fail the test, not skip it")
            XCTAssertEqual((error as? WorkbookArchive.Failure)?.status, 11, "\(error)")
        }
    }

    func testATruncatedWorkbookFails() throws {
        let folder = try TemporaryFolder()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try writeWorkbook(in: folder)))
        let truncated = folder.path("truncated.xlsx")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let archive = WorkbookArchive(path: truncated)
        XCTAssertThrowsError(try archive.part("xl/workbook.xml")) { XCTAssertFalse($0 is XCTSkip) }
        XCTAssertThrowsError(try archive.partNames()) { XCTAssertFalse($0 is XCTSkip) }
    }

    /// Bytes damaged inside one compressed part: the listing still reads, that part fails its CRC.
    func testACorruptPartFails() throws {
        let folder = try TemporaryFolder()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try writeWorkbook(in: folder))))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let header = try XCTUnwrap((0..<(bytes.count - 30 - name.count)).first { offset in
            bytes[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04])
                && bytes[(offset + 30)..<(offset + 30 + name.count)].elementsEqual(name)
        }, "no local header for \(String(decoding: name, as: UTF8.self))")
        let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let data = header + 30 + name.count + extra
        for offset in (data + 64)..<(data + 80) { bytes[offset] ^= 0xFF }
        let corrupt = folder.path("corrupt.xlsx")
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        let archive = WorkbookArchive(path: corrupt)
        XCTAssertTrue(try archive.partNames().contains("xl/worksheets/sheet1.xml"))
        XCTAssertThrowsError(try archive.part("xl/worksheets/sheet1.xml")) { error in
            XCTAssertFalse(error is XCTSkip)
            XCTAssertTrue("\(error)".contains("bad CRC"), "\(error)")
        }
    }

    func testAFileThatIsNotAZipFails() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("text.xlsx")
        try Data("not a workbook".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try WorkbookArchive(path: path).partNames()) { XCTAssertFalse($0 is XCTSkip) }
    }
}
