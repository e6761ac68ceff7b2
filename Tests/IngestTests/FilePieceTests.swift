import Foundation
import Ingest
import SurveyModel
import XCTest

/// Reading a file in byte ranges (SPEC §6 speed, §7 nothing lost): the header read
/// on its own, cuts placed after line feeds, a cut inside a quoted field detected,
/// and the pieces of every sound cut giving exactly what one whole read gives.
final class FilePieceTests: XCTestCase {
    private typealias CSV = EmployeeCSV
    private let reader = SurveyFileReader(config: EmployeeCSV.config(), kind: .employee)

    /// Rows with every kind of line: quoted line breaks (LF and CRLF) in two comments, a
    /// blank line, rejects of several reasons, a duplicate id, and no line feed at the end.
    private var document: [UInt8] {
        var rows = [CSV.header]
        for index in 0..<12 { rows.append(CSV.row(id: "e\(index)", comment: index == 3 ? "two\nlines" : "")) }
        rows.append(CSV.row(id: "", date: "2026-02-30"))
        rows.append(CSV.row(id: "e5", comment: "a \"quoted\"\r\nreply, with comma"))
        let blankLine: [UInt8] = [0x0A]
        let tail = [["short", "row"], CSV.row(id: "e13", area: "Atlantis")]
        return CSV.bytes(rows) + blankLine + CSV.bytes(tail) + CSV.bytes([CSV.row(id: "last")]).dropLast()
    }

    /// The offset just past the first occurrence of `needle` in `bytes`.
    private func offset(after needle: String, in bytes: [UInt8]) throws -> Int {
        let needle = Array(needle.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
        return try XCTUnwrap(start, "\(needle) not in the document") + needle.count
    }

    private func summary(_ file: IngestedFile) throws -> [String] {
        let table = try file.table
        var lines = (0..<table.count).map { row in
            "\(table.line[row]) @\(table.offset[row]) \(table.ids.string(row)) \(table.comments.string(row)) "
                + "\(Array(table.answers(row: row)))"
        }
        lines += file.rejects.map { "\($0.line) \($0.reason) \($0.column ?? "-") \($0.rawFields)" }
        return lines + ["read \(file.rowsRead)", "sha \(file.sha256)"]
    }

    func testTheHeaderIsReadAloneAndTheDataStartsAfterIt() throws {
        let folder = try ScratchFolder()
        let header = CSV.bytes([CSV.header], lineEnd: "\r\n")
        let path = try folder.write("bom.csv", [0xEF, 0xBB, 0xBF] + header + Array("x,y\n".utf8))
        let read = try reader.readHeader(path: path)
        XCTAssertEqual(read.dataStart, 3 + header.count)
        XCTAssertEqual(read.firstDataLine, 2)
        XCTAssertEqual(read.map.names.first, "respondent_id")

        var spanning = CSV.header
        spanning[spanning.count - 1] = "com\nment"  // a quoted header cell over two lines
        let twoLines = CSV.bytes([spanning])
        let overTwo = try reader.readHeader(path: try folder.write("two-lines.csv", twoLines + Array("x\n".utf8)))
        XCTAssertEqual(overTwo.dataStart, twoLines.count)
        XCTAssertEqual(overTwo.firstDataLine, 3)
        XCTAssertEqual(overTwo.map.unknownColumns, ["com\nment"])
        let onlyHeader = try folder.write("only-header.csv", Array(CSV.bytes([CSV.header]).dropLast()))
        let alone = try reader.readHeader(path: onlyHeader)
        XCTAssertEqual(alone.dataStart, CSV.bytes([CSV.header]).count - 1)
        XCTAssertThrowsError(try reader.readHeader(path: try folder.write("empty.csv", [])))
    }

    func testEverySoundCutGivesTheWholeReadAndEveryCutInQuotesIsCaught() throws {
        let folder = try ScratchFolder()
        let bytes = document
        let path = try folder.write("survey.csv", bytes)
        let whole = try summary(reader.read(path: path, fileIndex: 1))
        let header = try reader.readHeader(path: path)
        let sha = try FileDigest.sha256(path: path)
        // Line feeds inside quotes: after "two", and after the CR of "…""quoted""\r".
        let quoted = [try offset(after: "two\n", in: bytes), try offset(after: "\"\"quoted\"\"\r\n", in: bytes)]
        var sound = 0
        for cut in (header.dataStart + 1)..<bytes.count where bytes[cut - 1] == 0x0A {
            let first = try reader.readPiece(path: path, range: header.dataStart..<cut, header: header, fileIndex: 1,
                                             spill: nil)
            XCTAssertEqual(first.end.betweenRecords, !quoted.contains(cut), "cut at byte \(cut)")
            guard first.end.betweenRecords else { continue }
            let second = try reader.readPiece(path: path, range: cut..<Int.max, header: header, fileIndex: 1, spill: nil)
            let joined = try reader.assemble(path: path, fileIndex: 1, header: header, pieces: [first, second], sha256: sha)
            XCTAssertEqual(try summary(joined), whole, "cut at byte \(cut)")
            sound += 1
        }
        XCTAssertGreaterThan(sound, 15)
    }

    /// Each row remembers the byte offset where its record starts: reading one record from
    /// there gives that row back (how duplicates' raw fields reach the rejects file).
    func testEveryRowCanBeReadAgainFromItsOffset() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("survey.csv", [0xEF, 0xBB, 0xBF] + document)
        let table = try reader.read(path: path, fileIndex: 0).table
        let fields = try RecordFetcher.fields(path: path, offsets: Set(table.offset.map(Int.init)),
                                              delimiter: UInt8(ascii: ","))
        XCTAssertEqual(table.offset.first, 3 + Int64(CSV.bytes([CSV.header]).count), "after the BOM and the header")
        for row in 0..<table.count {
            XCTAssertEqual(fields[Int(table.offset[row])]?.first, table.ids.string(row), "row at line \(table.line[row])")
            XCTAssertEqual(fields[Int(table.offset[row])]?.last, table.comments.string(row))
        }
    }

    func testThePlannerCutsJustAfterLineFeedsAndCoversTheData() throws {
        let folder = try ScratchFolder()
        let bytes = document
        let path = try folder.write("survey.csv", bytes)
        let start = try reader.readHeader(path: path).dataStart
        for pieces in 1...9 {
            let ranges = try PiecePlanner.ranges(path: path, data: start..<bytes.count, pieces: pieces)
            XCTAssertLessThanOrEqual(ranges.count, pieces)
            XCTAssertEqual(ranges.first?.lowerBound, start)
            XCTAssertEqual(ranges.last?.upperBound, Int.max)
            for (left, right) in zip(ranges, ranges.dropFirst()) {
                XCTAssertEqual(left.upperBound, right.lowerBound)
                XCTAssertEqual(bytes[left.upperBound - 1], 0x0A, "\(pieces) pieces")
            }
            if pieces > 1 { XCTAssertGreaterThan(ranges.count, 1) }
        }
    }
}
