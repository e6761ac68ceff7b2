import Foundation
@testable import CSVParser
import XCTest

/// SPEC §7 `field_too_long`: a stream with `maxFieldBytes` hands on every field cut to that
/// many bytes (at a character boundary) and names the first field that was longer; everything
/// else — the other fields, later records, line numbers — reads as without a limit. Checked
/// against the same stream without a limit, cut by hand.
final class FieldLimitTests: XCTestCase {
    private struct Read: Equatable {
        var fields: [[UInt8]]
        var line: Int
        var tooLong: Int?
    }

    private func read(_ bytes: [UInt8], limit: Int) throws -> [Read] {
        let path = NSTemporaryDirectory() + "field-limit-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        var found: [Read] = []
        try CSVStream(delimiter: UInt8(ascii: ","), maxFieldBytes: limit).read(path: path, onBytes: { _ in }) { record in
            found.append(Read(fields: (0..<record.count).map { Array(record.fields[$0]) }, line: record.line,
                              tooLong: record.tooLongField))
        }
        return found
    }

    /// The first `limit` bytes of `field`, backed off to the start of a character.
    private func cut(_ field: [UInt8], _ limit: Int) -> [UInt8] {
        guard field.count > limit else { return field }
        var end = limit
        while end > limit - 3 && end > 0 && field[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(field[0..<end])
    }

    private func assertCutLikeUnlimited(_ text: [UInt8], limit: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try read(text, limit: Int.max / 2)
        let expected = whole.map { record in
            Read(fields: record.fields.map { cut($0, limit) }, line: record.line,
                 tooLong: record.fields.firstIndex { $0.count > limit })
        }
        XCTAssertEqual(try read(text, limit: limit), expected, file: file, line: line)
    }

    func testHandWrittenCases() throws {
        let text = "a,\"0123456789abcdef\",b\nc,0123456789   ,d\n\"0123456789\"   ,x\n\"0123\"\"456789\",y\n"
            + "éééééé,z\nshort,ok,1\n"
        let rows = try read(Array(text.utf8), limit: 8)
        XCTAssertEqual(rows.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } },
                       [["a", "01234567", "b"], ["c", "01234567", "d"], ["01234567", "x"], ["0123\"456", "y"],
                        ["éééé", "z"], ["short", "ok", "1"]])
        XCTAssertEqual(rows.map(\.tooLong), [1, 1, 0, 0, 0, nil])
        XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try read(Array("ééé,x\n".utf8), limit: 5).first?.fields.first, Array("éé".utf8))
    }

    /// Fields far longer than one 1 MiB read: the buffer is cut while the field is parsed.
    func testFieldsLongerThanAReadAreCutWhileParsed() throws {
        let big = String(repeating: "x", count: 3 << 20)
        let spaces = String(repeating: " ", count: 3 << 20)
        let text = "a,\"\(big)\",b\n\(big),c\nd,\(spaces)\ne,\"q\"\(spaces),f\ng,\"\(big)\"\"\(big)\",h\nlast,1\n"
        try assertCutLikeUnlimited(Array(text.utf8), limit: 1 << 20)
        try assertCutLikeUnlimited(Array(text.utf8), limit: 100)
    }

    /// Random records of quotes, doubled quotes, spaces, delimiters, line breaks and letters.
    func testRandomRecordsReadLikeUnlimitedOnesCut() throws {
        var generator = SplitMix(seed: 12)
        let alphabet: [String] = ["a", "é", " ", "\"", "\"\"", ",", "\n", "\r\n", "b", "    "]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) {
                text += alphabet[Int(generator.next() % UInt64(alphabet.count))]
                if generator.next() % 8 == 0 { text += String(repeating: "z", count: Int(generator.next() % 30)) }
            }
            let limit = 1 + Int(generator.next() % 12)
            try assertCutLikeUnlimited(Array(text.utf8), limit: limit)
            if (testRun?.failureCount ?? 0) > 0 { return XCTFail("round \(round): \(text.debugDescription), limit \(limit)") }
        }
    }
}

/// A small seeded generator (SplitMix64) for reproducible random text.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
