import CSVParser
@testable import Ingest
import XCTest

/// The once-per-record UTF-8 check (`UTF8Validation`) names the same first bad field as
/// validating every field on its own with the standard library, including a character cut
/// in two by a field boundary (the record's bytes are valid, two of its fields are not).
final class UTF8ValidationTests: XCTestCase {
    /// The reference: each field checked on its own by `String(validating:)`.
    private func reference(_ fields: [[UInt8]]) -> Int? {
        fields.firstIndex { String(validating: $0, as: UTF8.self) == nil }
    }

    private func checked(_ fields: [[UInt8]]) -> Int? {
        var record = CSVRecord()
        for field in fields {
            record.bytes += field
            record.ends.append(record.bytes.count)
        }
        return record.withFields(UTF8Validation.firstInvalidField)
    }

    func testHandPickedRecords() {
        let cases: [([[UInt8]], Int?)] = [
            ([Array("abc".utf8), Array("caf\u{e9}".utf8), []], nil),
            ([Array("long ascii text over eight bytes".utf8), [0xE2, 0x80, 0x99]], nil),
            // "é" (C3 A9) cut by the boundary between fields 1 and 2: the whole record is valid UTF-8.
            ([Array("x".utf8), [0x61, 0xC3], [0xA9, 0x62]], 1),
            // The same cut with an empty field between the halves.
            ([[0x61, 0xC3], [], [0xA9]], 0),
            ([Array("ok".utf8), [0xC0, 0x80]], 1),          // overlong NUL
            ([[0xE0, 0x9F, 0xBF]], 0),                       // overlong 3-byte
            ([[0xED, 0xA0, 0x80]], 0),                       // surrogate U+D800
            ([[0xF4, 0x90, 0x80, 0x80]], 0),                 // above U+10FFFF
            ([[0xF0, 0x9F, 0x98, 0x80], [0xF0, 0x9F, 0x98]], 1), // emoji, then a truncated one
            ([[0xFF]], 0),
            ([Array("12345678".utf8), Array("abcdefgh\u{fc}".utf8), [0x80]], 2),
        ]
        for (fields, expected) in cases {
            XCTAssertEqual(reference(fields), expected, "reference for \(fields)")
            XCTAssertEqual(checked(fields), expected, "\(fields)")
        }
    }

    /// Random records: characters of 1–4 bytes and, now and then, an invalid sequence (overlong,
    /// surrogate, above U+10FFFF, stray or truncated bytes), cut into fields at random byte
    /// offsets, so that valid records, invalid ones and characters cut by a boundary all occur often.
    func testAgreesWithTheStandardLibraryOnRandomRecords() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let valid: [[UInt8]] = [[0x61], [0x20], [0x31], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80],
                                [0xED, 0x9F, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xE0, 0xA0, 0x80]]
        let invalid: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                                  [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x80], [0xF0, 0x9F]]
        var invalidRecords = 0, cut = 0
        let records = 20_000
        for _ in 0..<records {
            var bytes: [UInt8] = []
            for _ in 0..<next(12) {
                bytes += next(40) == 0 ? invalid[next(invalid.count)] : valid[next(valid.count)]
            }
            let cuts = (0..<next(5)).map { _ in next(bytes.count + 1) }.sorted()
            let fields = zip([0] + cuts, cuts + [bytes.count]).map { Array(bytes[$0..<$1]) }
            let expected = reference(fields)
            if expected != nil { invalidRecords += 1 }
            if expected != nil, String(validating: bytes, as: UTF8.self) != nil { cut += 1 }
            XCTAssertEqual(checked(fields), expected, "\(fields)")
        }
        // The property is only tested if each kind of record was drawn often enough.
        XCTAssertGreaterThan(invalidRecords, 1_000)
        XCTAssertGreaterThan(records - invalidRecords, 1_000)
        XCTAssertGreaterThan(cut, 1_000)
    }
}
