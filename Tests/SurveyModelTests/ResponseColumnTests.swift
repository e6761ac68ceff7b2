import SurveyModel
import XCTest

/// `ResponseTable.columns` is the one list of the table's columns: every stored column
/// is in it once, in the order a chunk is written (keys, then places, then the rest).
final class ResponseColumnTests: XCTestCase {
    func testEveryStoredColumnIsListedOnce() {
        let table = ResponseTable(kind: .customer, itemCount: 3, breakdownCount: 2)
        let shape: Set = ["kind", "itemCount", "breakdownPools"]
        let stored = Mirror(reflecting: table).children.compactMap(\.label).filter { !shape.contains($0) }
        let listed = ResponseTable.columns.map(\.name)
        XCTAssertEqual(Set(listed).count, listed.count, "a column is listed twice")
        XCTAssertEqual(Set(listed), Set(stored))
    }

    func testColumnsComeGroupByGroupWithTheKeysFirst() {
        let groups = ResponseTable.columns.map(\.group)
        XCTAssertEqual(groups, groups.sorted())
        XCTAssertEqual(ResponseTable.columns.filter { $0.group == .key }.map(\.name), ["wave", "ids"])
        XCTAssertEqual(ResponseTable.columns.filter { $0.group == .place }.map(\.name),
                       ["submitted", "file", "line", "offset"])
    }

    /// Hand-counted: answers 1 byte per item, area 2, wave 4, time 8, file 2, line 4, offset 8,
    /// two text ends 4 each, and 4 per breakdown.
    func testBytesPerRowOfAFixedShape() {
        let total = ResponseTable.columns.reduce(0) { $0 + $1.bytesPerRow(3, 2) }
        XCTAssertEqual(total, 3 + 2 + 4 + 8 + 2 + 4 + 8 + 4 + 4 + 8)
    }

    func testEveryColumnWritesWhatItReadsBack() throws {
        var table = ResponseTable(kind: .customer, itemCount: 2, breakdownCount: 1)
        for row in 0..<3 {
            table.answers += [UInt8(row), UInt8(row + 1)]
            table.area.append(UInt16(row))
            table.wave.append(Int32(100 + row))
            table.submitted.append(Int64(1_000 * row))
            table.file.append(1)
            table.line.append(UInt32(row + 2))
            table.offset.append(Int64(40 * row))
            table.ids.append(Array("id\(row)".utf8))
            table.comments.append(Array((row == 1 ? "" : "é \(row)").utf8))
            table.breakdowns[0].append(table.breakdownPools[0].intern(["a", "b", "a"][row]))
        }
        var copy = table.emptyCopy
        copy.breakdownPools = table.breakdownPools
        for column in ResponseTable.columns {
            var bytes: [UInt8] = []
            column.write(table) { bytes.append(contentsOf: $0) }
            var offset = 0
            try bytes.withUnsafeBytes { raw in
                try column.read(&copy, table.count, column.textBytes?(table) ?? 0) { length throws(PipelineError) in
                    defer { offset += length }
                    return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])
                }
            }
            XCTAssertEqual(offset, bytes.count, column.name)
        }
        XCTAssertEqual(copy.answers, table.answers)
        XCTAssertEqual(copy.area, table.area)
        XCTAssertEqual(copy.wave, table.wave)
        XCTAssertEqual(copy.submitted, table.submitted)
        XCTAssertEqual(copy.line, table.line)
        XCTAssertEqual(copy.offset, table.offset)
        XCTAssertEqual((0..<3).map(copy.ids.string), ["id0", "id1", "id2"])
        XCTAssertEqual((0..<3).map(copy.comments.string), ["é 0", "", "é 2"])
        XCTAssertEqual(copy.breakdowns, [[0, 1, 0]])
    }
}
