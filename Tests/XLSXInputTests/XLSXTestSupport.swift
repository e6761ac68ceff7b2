import Foundation
import XCTest
import XLSXInput

/// The committed fixtures of Tests/Fixtures/xlsx (see its README.md).
enum XLSXFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// A row as the tests compare it: its number, cell texts and kinds.
struct ReadRow: Equatable, CustomStringConvertible {
    var line: Int
    var cells: [String]
    var kinds: [XLSXCellKind]

    var description: String { "row \(line): \(cells) \(kinds)" }
}

/// Every record of `path`'s first worksheet.
func readAll(_ path: String) throws -> [ReadRow] {
    let reader = try XLSXSheetReader(path: path)
    var record = XLSXRecord()
    var rows: [ReadRow] = []
    while try reader.next(into: &record) {
        rows.append(ReadRow(line: record.line, cells: record.strings, kinds: (0..<record.count).map(record.kind)))
    }
    return rows
}

/// The error `XLSXSheetReader` throws on `path`, opening or reading it to the end.
func readError(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> XLSXInputError? {
    do {
        _ = try readAll(path)
        XCTFail("expected an error reading \(path)", file: file, line: line)
        return nil
    } catch let error as XLSXInputError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return nil
    }
}
