import Foundation
import RowStorage
import Shards
import SurveyModel
import XCTest

/// The partial file on its own: what is written is read back unchanged, its bytes are
/// the little-endian layout docs/SHARDS.md describes, and a short, damaged or foreign
/// file is an input error naming the file and an offset, never a trap.
final class PartialFileTests: XCTestCase {
    private let shape = RowShape(itemCount: 2, maxCodes: [5, 11], breakdownCount: 1, areaCount: 3)

    /// Three rows of a two-item form: answers 1–5 and 0–10 (stored 1–11), ids, one comment, one breakdown.
    private func table() -> ResponseTable {
        var table = ResponseTable(kind: .employee, itemCount: 2, breakdownCount: 1)
        let rows: [(answers: [UInt8], area: UInt16, wave: Int32, time: Int64, line: UInt32, offset: Int64,
                    id: String, comment: String, role: String)] = [
            ([5, 11], 0, 20263, 1_782_864_000, 2, 120, "E1", "fine", "Frontline"),
            ([0, 1], 2, 20263, 1_782_950_400, 3, 240, "E2", "", "Manager"),
            ([3, 0], 1, 20262, -86_400, 4, 360, "Ä3", "zwei\nZeilen, \"quoted\"", "Frontline"),
        ]
        for row in rows {
            table.answers += row.answers
            table.area.append(row.area)
            table.wave.append(row.wave)
            table.submitted.append(row.time)
            table.file.append(0)
            table.line.append(row.line)
            table.offset.append(row.offset)
            table.ids.append(Array(row.id.utf8))
            table.comments.append(Array(row.comment.utf8))
            table.breakdowns[0].append(table.breakdownPools[0].intern(row.role))
        }
        return table
    }

    private func header(tool: String = "survey-pipeline 0.1.0") -> PartialHeader {
        PartialHeader(toolVersion: tool, configSHA256: String(repeating: "ab", count: 32), inputs: [
            PartialInput(path: "shard/employees.csv", kind: .employee, format: .plain, headerRows: 1, encoding: "utf-8",
                         delimiter: UInt8(ascii: ","), sha256: String(repeating: "0f", count: 32), rowsRead: 5,
                         unknownColumns: ["extra"], rejects: [
                            Reject(fileIndex: 0, line: 5, reason: .invalidValue, column: "lead_vision",
                                   rawFields: ["E4", "2026-07-04", "=7"]),
                            Reject(fileIndex: 0, line: 6, reason: .fieldCount, column: nil, rawFields: ["E5"]),
                         ], rowCount: 3),
            PartialInput(path: "shard/customers.csv", kind: .customer, format: .qualtrics, headerRows: 3,
                         encoding: "windows-1252", delimiter: UInt8(ascii: ";"), sha256: "", rowsRead: 0,
                         unknownColumns: [], rejects: [], rowCount: 0),
        ])
    }

    private let aggregates = [
        PartialAggregate(kind: .employee, width: 2, areaCount: 3, waves: [20262, 20263],
                         totals: [1, -2, 3, Int64.max, Int64.min, 0, 7, 8, 9, 10, 11, 12]),
        PartialAggregate(kind: .customer, width: 4, areaCount: 3, waves: [], totals: []),
    ]

    private func written(tool: String = "survey-pipeline 0.1.0") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString)").path
        addTeardownBlock { unlink(path) }
        try PartialWriter(path: path).write(header: header(tool: tool), rows: [[RowStore(table: table())], []],
                                            aggregates: aggregates)
        return path
    }

    private func readAll(_ path: String) throws(PipelineError) -> (PartialHeader, [(Int, ResponseTable)], [PartialAggregate]) {
        let reader = try PartialFileReader(path: path)
        var chunks: [(Int, ResponseTable)] = []
        let sums = try reader.readRows(shapes: { _ in self.shape }) { index, rows in chunks.append((index, rows)) }
        return (reader.header, chunks, sums)
    }

    func testRoundTripKeepsEveryField() throws {
        let (header, chunks, sums) = try readAll(try written())
        XCTAssertEqual(header, self.header())
        XCTAssertEqual(sums, aggregates)
        XCTAssertEqual(chunks.count, 1)
        let (index, rows) = try XCTUnwrap(chunks.first)
        let original = table()
        XCTAssertEqual(index, 0)
        XCTAssertEqual(rows.answers, original.answers)
        XCTAssertEqual(rows.area, original.area)
        XCTAssertEqual(rows.wave, original.wave)
        XCTAssertEqual(rows.submitted, original.submitted)
        XCTAssertEqual(rows.line, original.line)
        XCTAssertEqual(rows.offset, original.offset)
        XCTAssertEqual((0..<3).map(rows.ids.string), ["E1", "E2", "Ä3"])
        XCTAssertEqual((0..<3).map(rows.comments.string), ["fine", "", "zwei\nZeilen, \"quoted\""])
        XCTAssertEqual(rows.breakdowns[0].map { rows.breakdownPools[0].values[Int($0)] },
                       ["Frontline", "Manager", "Frontline"])
    }

    /// The first bytes as docs/SHARDS.md gives them: magic, version 1 and the header length,
    /// little-endian, then the tool version's length and text.
    func testLayoutIsLittleEndianWithExplicitLengths() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try written())))
        XCTAssertEqual(Array(bytes[0..<8]), Array("SVPPART1".utf8))
        XCTAssertEqual(Array(bytes[8..<12]), [1, 0, 0, 0])
        let headerLength = bytes[12..<20].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        XCTAssertEqual(Array(bytes[20..<28]), [21, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(String(decoding: bytes[28..<49], as: UTF8.self), "survey-pipeline 0.1.0")
        // After the header: the rows tag 'R' and input index 0.
        XCTAssertEqual(bytes[20 + headerLength], UInt8(ascii: "R"))
        XCTAssertEqual(Array(bytes[(21 + headerLength)..<(29 + headerLength)]), [0, 0, 0, 0, 0, 0, 0, 0])
    }

    func testAnotherFormatVersionIsAnInputError() throws {
        let path = try written()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[8] = 2
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        assertInputError(path, containing: "format version 2; this tool reads version 1")
    }

    func testNotAPartialFileIsAnInputError() throws {
        let path = try written()
        try Data("respondent_id,submitted_at\nE1,2026-07-01\n".utf8 + [UInt8](repeating: 0, count: 40))
            .write(to: URL(fileURLWithPath: path))
        assertInputError(path, containing: "not a partial file")
    }

    /// Cut at each of the first 64 offsets, then every fifth: the start, inside the magic, the version, the header, the rows, the
    /// aggregates and the checksum; each is an input error naming the file and a byte offset.
    func testTruncatedFileIsAnInputErrorAtEveryOffset() throws {
        let path = try written()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = path + ".cut"
        addTeardownBlock { unlink(cut) }
        for length in Array(0..<64) + Array(stride(from: 64, to: bytes.count, by: 5)) {
            try Data(bytes[..<length]).write(to: URL(fileURLWithPath: cut))
            assertInputError(cut, containing: "at byte", "cut at \(length)")
        }
    }

    /// A byte changed (each of the first 64, then every third): an input error (a length out of range, a code out of range,
    /// or the checksum), never a trap and never rows accepted as if nothing happened.
    func testEveryDamagedByteIsAnInputError() throws {
        let path = try written()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let damaged = path + ".damaged"
        addTeardownBlock { unlink(damaged) }
        for index in Array(0..<64) + Array(stride(from: 64, to: bytes.count, by: 3)) {
            var copy = bytes
            copy[index] ^= 0x5A
            try Data(copy).write(to: URL(fileURLWithPath: damaged))
            assertInputError(damaged, containing: "", "byte \(index) changed")
        }
    }

    /// A chunk whose codes the config's form cannot hold (a form with fewer items, or a scale
    /// whose largest code is lower) is refused before any row reaches the scoring core.
    func testRowsOutsideTheFormAreRefused() throws {
        let path = try written()
        let reader = try PartialFileReader(path: path)
        let narrow = RowShape(itemCount: 2, maxCodes: [4, 11], breakdownCount: 1, areaCount: 3)
        XCTAssertThrowsError(try reader.readRows(shapes: { _ in narrow }) { _, _ in }) { error in
            XCTAssert("\(error)".contains("answer code 5 out of range"), "\(error)")
        }
        let fewerAreas = RowShape(itemCount: 2, maxCodes: [5, 11], breakdownCount: 1, areaCount: 2)
        XCTAssertThrowsError(try PartialFileReader(path: path).readRows(shapes: { _ in fewerAreas }) { _, _ in }) { error in
            XCTAssert("\(error)".contains("area 2 out of range"), "\(error)")
        }
    }

    /// The chunk encoding stores these columns of `ResponseTable` (the file column is given by
    /// the merge). A column added to `ResponseTable.columns` fails this test until ChunkCodec
    /// stores it and `PartialFormat.version` is raised, so a merge can never drop it silently.
    func testEveryResponseTableColumnIsInTheFormat() {
        XCTAssertEqual(ResponseTable.columns.map(\.name).sorted(),
                       ["answers", "area", "breakdowns", "comments", "file", "ids", "line", "offset", "submitted",
                        "wave"])
    }

    private func assertInputError(_ path: String, containing text: String, _ context: String = "",
                                  line: UInt = #line) {
        do {
            _ = try readAll(path)
            XCTFail("read without an error \(context)", line: line)
        } catch {
            guard case .input(let file, _, let message) = error else {
                return XCTFail("\(error) is not an input error \(context)", line: line)
            }
            XCTAssertEqual(file, path, context, line: line)
            XCTAssert(text.isEmpty || message.contains(text), "\(message) \(context)", line: line)
        }
    }
}
