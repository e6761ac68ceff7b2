import CSVParser
import XCTest

/// `Transcoder` (SPEC §3.1 Encoding) on hand-made bytes, whole and cut at every chunk
/// boundary, and `DelimiterSniffer` on header rows.
final class TranscoderTests: XCTestCase {
    /// `bytes` fed in two chunks cut at `cut`, then finished.
    private func transcode(_ bytes: [UInt8], _ encoding: SourceEncoding, cut: Int) -> [UInt8] {
        var transcoder = Transcoder(encoding)
        var result: [UInt8] = []
        for part in [Array(bytes[..<cut]), Array(bytes[cut...])] {
            var out = [UInt8](repeating: 0, count: Transcoder.outputCapacity(forInput: part.count))
            let count = out.withUnsafeMutableBytes { out in part.withUnsafeBytes { transcoder.transcode($0, into: out) } }
            result += out[..<count]
        }
        var tail = [UInt8](repeating: 0, count: 8)
        let count = tail.withUnsafeMutableBytes { transcoder.finish(into: $0) }
        return result + tail[..<count]
    }

    private func assertEveryCut(_ bytes: [UInt8], _ encoding: SourceEncoding, give expected: [UInt8],
                                line: UInt = #line) {
        XCTAssertEqual(Transcoder.transcode(bytes, from: encoding), expected, "whole", line: line)
        for cut in 0...bytes.count {
            XCTAssertEqual(transcode(bytes, encoding, cut: cut), expected, "cut at \(cut)", line: line)
        }
    }

    func testWindows1252LettersAndEuroBecomeUTF8() {
        // "é ü € – ÿ" in Windows-1252: E9 FC 80 96 FF; in UTF-8: C3A9, C3BC, E282AC, E28093, C3BF.
        let input: [UInt8] = [0x41, 0xE9, 0x20, 0xFC, 0x20, 0x80, 0x20, 0x96, 0x20, 0xFF, 0x0D, 0x0A]
        let expected: [UInt8] = [0x41, 0xC3, 0xA9, 0x20, 0xC3, 0xBC, 0x20, 0xE2, 0x82, 0xAC, 0x20, 0xE2, 0x80, 0x93,
                                 0x20, 0xC3, 0xBF, 0x0D, 0x0A]
        assertEveryCut(input, .windows1252, give: expected)
    }

    /// ASCII goes eight bytes at a time: a non-ASCII byte at each place of a word and at the end.
    func testWindows1252NonASCIIAtEveryPlaceOfALongASCIIRun() {
        for place in 0..<20 {
            var input = Array(repeating: UInt8(ascii: "a"), count: 20)
            input[place] = 0xE9
            var expected = Array(repeating: UInt8(ascii: "a"), count: 19)
            expected.insert(contentsOf: [0xC3, 0xA9], at: place)
            XCTAssertEqual(Transcoder.transcode(input, from: .windows1252), expected, "é at \(place)")
        }
    }

    func testWindows1252UndefinedBytesBecomeInvalidUTF8() {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            let output = Transcoder.transcode([0x61, byte, 0x62], from: .windows1252)
            XCTAssertEqual(output, [0x61, 0xFF, 0x62], String(byte, radix: 16))
            XCTAssertNil(String(validating: output, as: UTF8.self))
        }
        // Every other byte is defined: the whole range transcodes to valid UTF-8.
        let defined = (0...255).map(UInt8.init).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let text = String(validating: Transcoder.transcode(defined, from: .windows1252), as: UTF8.self)
        XCTAssertEqual(text?.unicodeScalars.count, 251)
        XCTAssertEqual(text?.unicodeScalars.map(\.value).prefix(0x82).last, 0x201A)  // 0x82 after the 0x81 gap
    }

    func testUTF16LittleAndBigEndianWithSurrogatePairAndBOMDropped() {
        // BOM, "a", "é", "€", U+1F600 (D83D DE00), CR LF.
        let units: [UInt16] = [0xFEFF, 0x61, 0xE9, 0x20AC, 0xD83D, 0xDE00, 0x0D, 0x0A]
        let expected: [UInt8] = [0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x0D, 0x0A]
        assertEveryCut(units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .utf16LE, give: expected)
        assertEveryCut(units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, .utf16BE, give: expected)
    }

    func testUnpairedSurrogatesAndOddByteBecomeInvalidUTF8() {
        func le(_ units: [UInt16]) -> [UInt8] { units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        assertEveryCut(le([0x61, 0xDE00, 0x62]), .utf16LE, give: [0x61, 0xFF, 0x62])          // lone low
        assertEveryCut(le([0x61, 0xD83D, 0x62]), .utf16LE, give: [0x61, 0xFF, 0x62])          // high, then not low
        assertEveryCut(le([0xD83D, 0xD83D, 0xDE00]), .utf16LE, give: [0xFF, 0xF0, 0x9F, 0x98, 0x80])
        assertEveryCut(le([0x61, 0xD83D]), .utf16LE, give: [0x61, 0xFF])                      // high at the end
        assertEveryCut(le([0x61]) + [0x62], .utf16LE, give: [0x61, 0xFF])                    // odd last byte
        // A U+FEFF after the first unit is text (a zero-width no-break space), not a BOM.
        assertEveryCut(le([0x61, 0xFEFF]), .utf16LE, give: [0x61, 0xEF, 0xBB, 0xBF])
    }

    func testSignatureReadsBOMsAndTheUTF16NULPattern() {
        XCTAssertEqual(SourceEncoding.signature(of: [0xEF, 0xBB, 0xBF, 0x61]), .utf8BOM)
        XCTAssertEqual(SourceEncoding.signature(of: [0xFF, 0xFE, 0x61, 0]), .utf16BOM(.utf16LE))
        XCTAssertEqual(SourceEncoding.signature(of: [0xFE, 0xFF, 0, 0x61]), .utf16BOM(.utf16BE))
        XCTAssertEqual(SourceEncoding.signature(of: Array("id,area\n".utf16).flatMap { [UInt8($0), UInt8(0)] }),
                       .utf16WithoutBOM)
        XCTAssertEqual(SourceEncoding.signature(of: Array("id,area\n".utf16).flatMap { [UInt8(0), UInt8($0)] }),
                       .utf16WithoutBOM)
        XCTAssertEqual(SourceEncoding.signature(of: Array("id,area\n".utf8)), .none)
        // One non-NUL odd byte in the first 4 KB breaks the pattern; beyond 4 KB it is not looked at.
        var text: [UInt8] = Array(String(repeating: "a", count: 3000).utf16).flatMap { [UInt8($0), 0] }
        text[2001] = 0x41
        XCTAssertEqual(SourceEncoding.signature(of: text), .none)
        text[2001] = 0
        text[5001] = 0x41
        XCTAssertEqual(SourceEncoding.signature(of: text), .utf16WithoutBOM)
    }

    func testDelimiterSnifferCountsOutsideQuotesInTheFirstRow() {
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("a;b;c,d\n1,2,3,4,5,6".utf8)), UInt8(ascii: ";"))
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("a\tb\tc\n".utf8)), 9)
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("a|b|c".utf8)), UInt8(ascii: "|"))
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("\"x;y;z\",b,c\r\nq;q;q;q".utf8)), UInt8(ascii: ","))
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("a;b,c\n".utf8)), UInt8(ascii: ","), "a tie")
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("a;b\tc\n".utf8)), UInt8(ascii: ","), "a tie without commas")
        XCTAssertEqual(DelimiterSniffer.delimiter(of: Array("single\n".utf8)), UInt8(ascii: ","), "none")
        XCTAssertEqual(DelimiterSniffer.delimiter(of: [UInt8]()), UInt8(ascii: ","))
    }

    /// A file read through `CSVStream` in windows-1252 gives UTF-8 fields, text offsets that
    /// `firstRecord(from:)` finds again, and `onBytes` sees the file's own bytes.
    func testTranscodedFileStreamsAndRecordsAreFoundAgainByOffset() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("transcoder-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes: [UInt8] = Array("id,text\n1,".utf8) + [0xE9] + Array("t".utf8) + [0xE9, 0x0A]
            + Array("2,\"line\n".utf8) + [0x80] + Array("\"\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stream = try CSVStream(delimiter: UInt8(ascii: ","), encoding: .windows1252)
        var records: [CSVRecord] = []
        var seen: [UInt8] = []
        let end = try stream.read(path: path, onBytes: { seen += $0 }) { records.append($0.copy()) }
        XCTAssertEqual(seen, bytes)
        XCTAssertEqual(records.map(\.strings), [["id", "text"], ["1", "été"], ["2", "line\n€"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3])
        XCTAssertEqual(records.map(\.offset), [0, 8, 16], "offsets count bytes of the UTF-8 text")
        XCTAssertEqual(end, CSVStreamEnd(lines: 4, betweenRecords: true))
        let header = try XCTUnwrap(try stream.firstRecord(path: path))
        XCTAssertEqual(header.end, 8)
        let again = try XCTUnwrap(try stream.firstRecord(path: path, from: 16))
        XCTAssertEqual(again.record.strings, ["2", "line\n€"])
        var tail: [[String]] = []
        let rest = try stream.read(path: path, range: 8..<Int.max, onBytes: { _ in }) { tail.append($0.strings) }
        XCTAssertEqual(tail, [["1", "été"], ["2", "line\n€"]])
        XCTAssertEqual(rest.lines, 3)
    }
}
