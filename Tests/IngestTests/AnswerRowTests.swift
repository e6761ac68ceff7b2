import CSVParser
@testable import Ingest
import SurveyModel
import XCTest

/// The ingest hot path's shortcuts give what the plain paths give: a record's answers decoded at
/// once (one-digit cells by table) equal each cell's `code(_:item:)`; the cell cache returns what
/// its `compute` returns for every cell, cached or not; `isMissing` judged by alphabet first.
final class AnswerRowTests: XCTestCase {
    private func record(_ fields: [String]) -> CSVRecord { CSVRecord(fields: fields, line: 1) }

    func testRowDecodeEqualsCellByCell() {
        // A recode on one scale turns its digit fast path off (`1` is recoded to 5 there).
        let recoded = Scale(name: "recoded", min: 1, max: 5, recodes: ["1": 5, "Yes": 4])
        let scales: [Scale] = [.likert, .zeroToTen, .agree7, recoded, .frequency]
        let decoder = AnswerDecoder(scales)
        let cells = ["0", "1", "3", "5", "6", "7", "9", "10", " 4", "4 ", "", "N/A", "Agree", "yes", "x", "11", "\u{e9}",
                     "10 - Extremely likely", "Don\u{2019}t know"]
        var checkedCells = 0
        var fastAnswered = 0
        for first in cells {
            for second in cells {
                // Columns out of order and one field not read, as a header may place them.
                let fields = [second, "id", first, second, first, first]
                let columns = [2, 3, 0, 4, 5]
                var codes = [UInt8](repeating: 0xAA, count: columns.count)
                let bad = record(fields).withFields { decoder.decode($0, columns: columns, into: &codes) }
                let expected = columns.indices.map { decoder.code(ArraySlice(Array(fields[columns[$0]].utf8)), item: $0) }
                XCTAssertEqual(bad, expected.firstIndex(of: nil), "\(fields)")
                for item in 0..<(bad ?? columns.count) {
                    XCTAssertEqual(codes[item], expected[item], "\(fields) item \(item)")
                    checkedCells += 1
                }
                if first == "3" { fastAnswered += 1 }
            }
        }
        XCTAssertGreaterThan(checkedCells, 500)
        XCTAssertGreaterThan(fastAnswered, 0)
        // Hand-computed: `1` on the recoded scale is 5, not 1; `10` on 0–10 is 11; `7` is out of 1–5.
        var codes = [UInt8](repeating: 0, count: 5)
        XCTAssertNil(record(["1", "10", "7", "1", "2"]).withFields { decoder.decode($0, columns: [0, 1, 2, 3, 4], into: &codes) })
        XCTAssertEqual(codes, [1, 11, 7, 5, 2])
        XCTAssertEqual(record(["7", "10", "7", "1", "2"]).withFields { decoder.decode($0, columns: [0, 1, 2, 3, 4], into: &codes) }, 0)
    }

    func testCellCacheReturnsWhatComputeReturns() {
        var cache = CellCache<Int>()
        var computed = 0
        // More distinct cells than the cache keeps (4,096), each asked for twice.
        for round in 0..<2 {
            for number in 0..<6_000 {
                let cell = Array("cell \(number)".utf8)
                let value = cache.value(for: cell[...]) { cell in
                    computed += 1
                    return cell.count * 10_000 + number
                }
                XCTAssertEqual(value, cell.count * 10_000 + number, "round \(round), cell \(number)")
            }
        }
        // The first 4,096 distinct cells were cached; the rest were computed both times.
        XCTAssertEqual(computed, 6_000 + (6_000 - 4_096))
        // An empty cell (a blank area) is cached like any other.
        var blank = CellCache<Int>(), blankComputed = 0
        let empty = [UInt8]()
        for _ in 0..<2 { XCTAssertEqual(blank.value(for: empty[...]) { _ in blankComputed += 1; return 7 }, 7) }
        XCTAssertEqual(blank.value(for: Array("x".utf8)[...]) { _ in 8 }, 8)
        XCTAssertEqual(blankComputed, 1)
    }

    func testIsMissingByAlphabetThenTexts() {
        let missing = ["n/a", " N/A ", "Don't   know", "don\u{2019}t know", "PREFER NOT TO SAY", "-", "na"]
        let answers = ["nap", "n / a", "n/ab", "Don't knows", "a comment with many words, none of them missing",
                       "caf\u{e9}", "don\u{2019}t knew", "0"]
        for text in missing { XCTAssertTrue(ValueParser.isMissing(ArraySlice(Array(text.utf8))), text) }
        for text in answers { XCTAssertFalse(ValueParser.isMissing(ArraySlice(Array(text.utf8))), text) }
    }
}
