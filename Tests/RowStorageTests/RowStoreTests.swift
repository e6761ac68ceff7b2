import Foundation
import RowStorage
import SurveyModel
import XCTest

/// Rows written to a spill file in chunks come back exactly as they went in,
/// chunk by chunk and all together, with the file's breakdown pools.
final class RowStoreTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "row-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func fill(_ table: inout ResponseTable, rows: Int) {
        for index in 0..<rows { append(index, to: &table) }
    }

    /// Row `index`, with every column varied: ids and comments of changing length
    /// (empty ones too), three waves, two breakdown values that first appear late.
    private func append(_ index: Int, to table: inout ResponseTable) {
        table.answers += [UInt8(index % 6), UInt8(index % 12)]
        table.area.append(UInt16(index % 7))
        table.wave.append([20261, 20262, 20263][index % 3])
        table.submitted.append(1_700_000_000 + Int64(index) * 7)
        table.file.append(UInt16(index % 3))
        table.line.append(UInt32(index + 2))
        table.offset.append(Int64(index) * 97)
        table.ids.append(Array("id\(index)".utf8))
        table.comments.append(index % 5 == 0 ? [] : Array(String(repeating: "é", count: index % 9).utf8))
        let text = index < 40_000 ? "web" : (index % 2 == 0 ? "phone" : "")
        table.breakdowns[0].append(table.breakdownPools[0].intern(text))
    }

    func testSpilledChunksReadBackExactly() throws {
        let rows = 2 * RowStore.chunkRows + 123
        var expected = ResponseTable(kind: .customer, itemCount: 2, breakdownCount: 1)
        fill(&expected, rows: rows)
        var writer = RowStoreWriter(kind: .customer, itemCount: 2, breakdownCount: 1,
                                    spill: try SpillFile(folder: folder))
        for row in 0..<rows {
            append(row, to: &writer.current)
            try writer.rowAdded()
        }
        let store = try writer.finish()
        XCTAssertEqual(store.count, rows)
        XCTAssertEqual(store.chunkCount, 3)
        XCTAssertEqual(store.waves, [20261, 20262, 20263])
        XCTAssertEqual(store.breakdownPools[0].values, ["web", "phone", ""])
        XCTAssertEqual(try store.chunk(2).count, 123)
        let keys = try store.keys(1), chunk = try store.chunk(1)
        XCTAssertEqual(keys.wave, chunk.wave)
        XCTAssertEqual(keys.ids.bytes, chunk.ids.bytes)
        XCTAssertTrue(keys.submitted.isEmpty, "places only when asked for")
        let places = try store.keys(2, places: true), last = try store.chunk(2)
        XCTAssertEqual(places.submitted, last.submitted)
        XCTAssertEqual(places.file, last.file)
        XCTAssertEqual(places.line, last.line)
        XCTAssertEqual(places.offset, last.offset)
        XCTAssertEqual(try store.shiftingLines(by: 10).keys(2, places: true).line, last.line.map { $0 + 10 })
        XCTAssertEqual(keys.ids.string(5), "id\(RowStore.chunkRows + 5)")
        XCTAssertEqual(try store.chunk(1).line.first, UInt32(RowStore.chunkRows + 2))
        let back = try store.allRows()
        XCTAssertEqual(back.answers, expected.answers)
        XCTAssertEqual(back.area, expected.area)
        XCTAssertEqual(back.wave, expected.wave)
        XCTAssertEqual(back.submitted, expected.submitted)
        XCTAssertEqual(back.file, expected.file)
        XCTAssertEqual(back.line, expected.line)
        XCTAssertEqual(back.offset, expected.offset)
        XCTAssertEqual(back.ids.bytes, expected.ids.bytes)
        XCTAssertEqual(back.ids.ends, expected.ids.ends)
        XCTAssertEqual(back.comments.bytes, expected.comments.bytes)
        XCTAssertEqual(back.comments.ends, expected.comments.ends)
        // Early chunks were written before "phone" existed; their codes still index the final pool.
        XCTAssertEqual(back.breakdowns[0].map { back.breakdownPools[0].values[Int($0)] },
                       expected.breakdowns[0].map { expected.breakdownPools[0].values[Int($0)] })
    }

    func testAStoreInMemoryIsCutIntoTheSameChunks() throws {
        var table = ResponseTable(kind: .customer, itemCount: 2, breakdownCount: 1)
        fill(&table, rows: RowStore.chunkRows + 1)
        let store = RowStore(table: table)
        XCTAssertEqual(store.chunkCount, 2)
        XCTAssertEqual(try store.chunk(1).ids.string(0), "id\(RowStore.chunkRows)")
        XCTAssertEqual(try store.allRows().line, table.line)
    }

    func testASpillFolderThatCannotTakeAFileSaysWhereAndWhatToDo() {
        XCTAssertThrowsError(try SpillFile(folder: folder + "/missing")) { error in
            guard case PipelineError.other(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains(folder + "/missing"), message)
            XCTAssertTrue(message.contains("TMPDIR"), message)
        }
    }

    func testTheSpillFileHasNoNameLeftBehind() throws {
        let spill = try SpillFile(folder: folder)
        try [UInt8](repeating: 7, count: 10).withUnsafeBytes { try spill.write($0, at: 0) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        var back = [UInt8](repeating: 0, count: 4)
        try back.withUnsafeMutableBytes { try spill.read(into: $0, at: 6) }
        XCTAssertEqual(back, [7, 7, 7, 7])
        XCTAssertThrowsError(try back.withUnsafeMutableBytes { try spill.read(into: $0, at: 8) }, "past the end")
    }

    func testRowMask() {
        var mask = RowMask(count: 130)
        for row in [0, 63, 64, 129] { mask.insert(row) }
        XCTAssertEqual((0..<130).filter(mask.contains), [0, 63, 64, 129])
        XCTAssertEqual(mask.count, 4)
    }
}
