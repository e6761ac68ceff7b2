import Foundation
import CSVParser
import XCTest

/// RFC 4180 reading through libcsv (SPEC §3.1): quoting, escapes, quoted line
/// breaks, LF/CRLF, BOM, delimiters, white space kept as written, blank lines,
/// the physical start line of every record, and the chunked file reader.
final class CSVStreamTests: XCTestCase {
    private func records(_ text: String, delimiter: Character = ",") throws -> [CSVRecord] {
        try records(Array(text.utf8), delimiter: delimiter)
    }

    private func records(_ bytes: [UInt8], delimiter: Character = ",") throws -> [CSVRecord] {
        var found: [CSVRecord] = []
        let stream = try CSVStream(delimiter: delimiter.asciiValue!)
        try stream.parse(bytes) { found.append($0) }
        return found
    }

    func testQuotedFieldMayHoldTheDelimiter() throws {
        let rows = try records("a,\"b,c\",d\n")
        XCTAssertEqual(rows.map(\.strings), [["a", "b,c", "d"]])
    }

    func testDoubledQuotesAreOneQuote() throws {
        let rows = try records("\"say \"\"hi\"\"\",x,\"\"\n\"\"\"\",y,z\n")
        XCTAssertEqual(rows.map(\.strings), [["say \"hi\"", "x", ""], ["\"", "y", "z"]])
    }

    func testQuotedLineFeedStaysInTheField() throws {
        let rows = try records("id,text\n1,\"first\nsecond\"\n2,z\n")
        XCTAssertEqual(rows.map(\.strings), [["id", "text"], ["1", "first\nsecond"], ["2", "z"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4])
    }

    func testQuotedCRLFStaysInTheField() throws {
        let rows = try records("id,text\r\n1,\"first\r\nsecond\"\r\n2,z\r\n")
        XCTAssertEqual(rows.map(\.strings), [["id", "text"], ["1", "first\r\nsecond"], ["2", "z"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4])
    }

    func testCRLFLineEndsAreNotPartOfTheFields() throws {
        let rows = try records("a,b\r\nc,d\r\n")
        XCTAssertEqual(rows.map(\.strings), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(rows.map(\.line), [1, 2])
    }

    func testLoneCarriageReturnEndsALine() throws {
        let rows = try records("a,b\rc,\"d\re\"\rf,g")
        XCTAssertEqual(rows.map(\.strings), [["a", "b"], ["c", "d\re"], ["f", "g"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4])
    }

    func testLastLineWithoutNewlineIsARecord() throws {
        XCTAssertEqual(try records("a,b\nc,d").map(\.strings), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(try records("a,b\r\nc,\"d\"").map(\.strings), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(try records("a,b\nc,d").map(\.line), [1, 2])
    }

    func testByteOrderMarkIsSkipped() throws {
        let rows = try records([0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n".utf8))
        XCTAssertEqual(rows.map(\.strings), [["id", "x"], ["1", "2"]])
        XCTAssertEqual(rows[0][0].first, UInt8(ascii: "i"))
        XCTAssertEqual(rows.map(\.line), [1, 2])
    }

    /// A piece from the middle of a file keeps a leading byte-order mark as data, and the
    /// stream says whether the piece ended between records and how many lines it read.
    func testAPieceFromTheMiddleReportsHowItEnded() throws {
        let stream = try CSVStream(delimiter: UInt8(ascii: ","))
        var seen: [CSVRecord] = []
        let clean = try stream.parse([0xEF, 0xBB, 0xBF] + Array("a,b\n\nc,d\n".utf8), atFileStart: false) {
            seen.append($0)
        }
        XCTAssertEqual(clean, CSVStreamEnd(lines: 3, betweenRecords: true))
        XCTAssertEqual(seen.first?.string(0), "\u{FEFF}a")
        XCTAssertEqual(seen.map(\.line), [1, 3])
        let open = try stream.parse(Array("a,\"b\nc\n".utf8)) { _ in }
        XCTAssertEqual(open, CSVStreamEnd(lines: 2, betweenRecords: false), "cut inside a quoted field")
        let partial = try stream.parse(Array("a,b".utf8)) { _ in }
        XCTAssertFalse(partial.betweenRecords, "a record without its line end")
    }

    func testSemicolonDelimiter() throws {
        let rows = try records("a;\"b;c\";d,e\n1;2;3\n", delimiter: ";")
        XCTAssertEqual(rows.map(\.strings), [["a", "b;c", "d,e"], ["1", "2", "3"]])
    }

    func testTabDelimiter() throws {
        let rows = try records("a\tb c\t\"d\te\"\n1,5\t2\t3\n", delimiter: "\t")
        XCTAssertEqual(rows.map(\.strings), [["a", "b c", "d\te"], ["1,5", "2", "3"]])
    }

    /// Spaces around an unquoted field are trimmed by libcsv; inside quotes they stay. A tab is
    /// a character of the cell, quoted or not (a comment that starts with one is read as written).
    func testSpacesOutsideQuotesAreTrimmedTabsKept() throws {
        let rows = try records("  a , b  ,c\n\" q \",\t x\t,\"\tkept\"\n\tstarts with a tab,\" quoted \" ,z\n")
        XCTAssertEqual(rows.map(\.strings), [["a", "b", "c"], [" q ", "\t x\t", "\tkept"],
                                             ["\tstarts with a tab", " quoted ", "z"]])
    }

    /// libcsv gets our space test only for lines with a tab (its own trims tabs too): lines with
    /// and without tabs alternate, and a quoted field starts on a line without one and ends on a
    /// line with one, so every switch between the two tests is crossed.
    func testTabsStayWhenLinesWithAndWithoutTabsAlternate() throws {
        let rows = try records("  a  ,b\n\"x\n y\",\tz\t\n  p  , q\nr,s\t\n\t,  \n")
        XCTAssertEqual(rows.map(\.strings), [["a", "b"], ["x\n y", "\tz\t"], ["p", "q"], ["r", "s\t"], ["\t", ""]])
    }

    func testBlankLinesAreSkippedButCounted() throws {
        let rows = try records("a,b\n\n\nc,d\n\n")
        XCTAssertEqual(rows.map(\.strings), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(rows.map(\.line), [1, 4])
        let crlf = try records("a\r\n\r\nb\r\n")
        XCTAssertEqual(crlf.map(\.strings), [["a"], ["b"]])
        XCTAssertEqual(crlf.map(\.line), [1, 3])
    }

    func testStartLineAfterARecordSpanningThreeLines() throws {
        let text = "h1,h2\n1,\"x\ny\nz\"\n2,w\n3,\"p\r\nq\"\n4,v"
        let rows = try records(text)
        XCTAssertEqual(rows.map(\.strings), [["h1", "h2"], ["1", "x\ny\nz"], ["2", "w"], ["3", "p\r\nq"], ["4", "v"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 5, 6, 8])
    }

    func testUnterminatedQuoteAtEndDoesNotCrashOrLoseTheRow() throws {
        let rows = try records("a,b\n1,\"open\nmore")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows.first?.strings, ["a", "b"])
        XCTAssertEqual(rows.last?.line, 2)
        XCTAssertEqual(rows.last?.strings, ["1", "open\nmore"])
    }

    /// A space after a closing quote is not RFC 4180, but it must not make the parser
    /// swallow the rest of the file into one field: every later line is still a record.
    func testSpaceAfterClosingQuoteDoesNotSwallowTheFollowingRows() throws {
        let rows = try records("id,area\n1,\"Ops\" \n2,Fin\n3,Ops\n")
        XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(rows.dropFirst().map { $0.strings.first }, ["1", "2", "3"])
        XCTAssertTrue(["Ops", "Ops "].contains(rows.dropFirst().first?.strings.last ?? "?"),
                      "got \(rows.map(\.strings))")
    }

    func testStreamCanBeReusedAndLinesRestart() throws {
        let stream = try CSVStream(delimiter: UInt8(ascii: ","))
        var lines: [Int] = []
        try stream.parse(Array("a\nb\n".utf8)) { lines.append($0.line) }
        try stream.parse(Array("c\n\nd\n".utf8)) { lines.append($0.line) }
        XCTAssertEqual(lines, [1, 2, 1, 3])
    }

    // MARK: - Reading a file in chunks

    /// A file whose `target` record starts `CSVStream.chunkSize - split` bytes in, so the
    /// first read ends `split` bytes into it. Returns the bytes and the expected records.
    private func straddlingFile(target: String, fields: [String], split: Int)
        -> (bytes: [UInt8], rows: [[String]], lines: [Int]) {
        let header = "id,text,tail\n"
        var bytes = Array(header.utf8)
        var rows = [["id", "text", "tail"]], lines = [1]
        let fillerLength = Array("000000,\(String(repeating: "f", count: 50)),x\n".utf8).count
        let fillerCount = (CSVStream.chunkSize - split - bytes.count - 200) / fillerLength
        for index in 0..<fillerCount {
            let id = String(repeating: "0", count: 6 - String(index).count) + String(index)
            let text = String(repeating: "f", count: 50)
            bytes += Array("\(id),\(text),x\n".utf8)
            rows.append([id, text, "x"])
            lines.append(index + 2)
        }
        let padding = CSVStream.chunkSize - split - bytes.count - Array("pad,,p\n".utf8).count
        let pad = String(repeating: "p", count: padding)
        bytes += Array("pad,\(pad),p\n".utf8)
        rows.append(["pad", pad, "p"])
        lines.append(fillerCount + 2)
        precondition(bytes.count == CSVStream.chunkSize - split)
        bytes += Array(target.utf8)
        rows.append(fields)
        lines.append(fillerCount + 3)
        bytes += Array("last,z,q\n".utf8)
        rows.append(["last", "z", "q"])
        lines.append(fillerCount + 3 + target.filter { $0 == "\n" || $0 == "\r\n" }.count)
        return (bytes, rows, lines)
    }

    func testFileBiggerThanOneChunkWithAQuotedFieldOnTheBoundary() throws {
        let targets = [
            ("7,\"left\"\"right\nnext\",end\n", ["7", "left\"right\nnext", "end"]),
            ("7,\"left\"\"right\r\nnext\",end\r\n", ["7", "left\"right\r\nnext", "end"]),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csvstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (target, fields) in targets {
            let utf8 = Array(target.utf8)
            let escape = utf8.firstIndex(of: UInt8(ascii: "\""))! + 6  // between the two quotes of `""`
            let afterBreak = utf8.firstIndex(of: 0x0A)! + 1
            // Between \r and \n, of the quoted break and of the line end.
            let carriageReturns = utf8.indices.filter { utf8[$0] == 0x0D }.map { $0 + 1 }
            // Splits: right after the opening quote, inside `""`, after the quoted break, at the record end.
            for split in [3, escape, afterBreak, utf8.count - 1, utf8.count] + carriageReturns {
                let file = straddlingFile(target: target, fields: fields, split: split)
                let path = folder.appendingPathComponent("split-\(split).csv").path
                try Data(file.bytes).write(to: URL(fileURLWithPath: path))
                var seen: [CSVRecord] = [], chunks: [Int] = [], hashed: [UInt8] = []
                try CSVStream(delimiter: UInt8(ascii: ",")).read(path: path, onBytes: {
                    chunks.append($0.count)
                    hashed += Array($0)
                }, onRecord: { seen.append($0.copy()) })
                let context = "target \(target.debugDescription), split \(split)"
                XCTAssertEqual(chunks, [CSVStream.chunkSize, file.bytes.count - CSVStream.chunkSize], context)
                XCTAssertEqual(hashed, file.bytes, context)
                XCTAssertEqual(seen.count, file.rows.count, context)
                XCTAssertTrue(seen.map(\.strings) == file.rows, "records differ: \(context)")
                XCTAssertTrue(seen.map(\.line) == file.lines, "lines differ: \(context)")
                XCTAssertEqual(seen.suffix(2).map(\.strings), Array(file.rows.suffix(2)), context)
                XCTAssertEqual(seen.suffix(2).map(\.line), Array(file.lines.suffix(2)), context)
            }
        }
    }

    func testReadSkipsBOMButHashesIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,x\r\n1,\"a\r\nb\"\r\n2,c".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var seen: [CSVRecord] = [], hashed: [UInt8] = []
        try CSVStream(delimiter: UInt8(ascii: ",")).read(path: path, onBytes: { hashed += Array($0) },
                                                         onRecord: { seen.append($0.copy()) })
        XCTAssertEqual(seen.map(\.strings), [["id", "x"], ["1", "a\r\nb"], ["2", "c"]])
        XCTAssertEqual(seen.map(\.line), [1, 2, 4])
        XCTAssertEqual(hashed, bytes)
    }

    func testReadOfAMissingFileThrows() throws {
        let stream = try CSVStream(delimiter: UInt8(ascii: ","))
        XCTAssertThrowsError(try stream.read(path: "/nonexistent/\(UUID().uuidString).csv", onBytes: { _ in },
                                             onRecord: { _ in }))
    }
}
