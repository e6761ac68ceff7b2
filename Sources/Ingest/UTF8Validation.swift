import CSVParser

/// UTF-8 checks on raw bytes, without building a `String` (the `encoding` reject of SPEC §7).
/// Valid means what `String(validating:as: UTF8.self)` accepts: shortest forms only, no
/// surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
enum UTF8Validation {
    /// Index of the first field of `record` that is not valid UTF-8, nil when all are.
    ///
    /// The record's bytes are checked once, eight ASCII bytes at a time: when they are valid and no
    /// field starts with a continuation byte (no character is cut by a field boundary), every field
    /// is valid. Only otherwise are the fields checked one by one to name the bad one.
    static func firstInvalidField(_ record: FieldView) -> Int? {
        let bytes = record.bytes
        guard let start = bytes.baseAddress else { return nil }
        let first = firstNonASCII(start, count: bytes.count)
        if first == bytes.count { return nil }
        if isValid(start + first, count: bytes.count - first), !cutsCharacter(record) { return nil }
        for field in 0..<record.count {
            let slice = record[field]
            if !isValid(start + slice.startIndex, count: slice.count) { return field }
        }
        return nil
    }

    /// Whether a field after the first starts with a continuation byte (10xxxxxx).
    private static func cutsCharacter(_ record: FieldView) -> Bool {
        let bytes = record.bytes, ends = record.ends
        for field in 0..<max(0, ends.count - 1) {
            let next = ends[field]
            if next < bytes.count, bytes[next] & 0xC0 == 0x80 { return true }
        }
        return false
    }

    /// The offset of the first byte at or above 0x80, `count` when there is none.
    static func firstNonASCII(_ start: UnsafePointer<UInt8>, count: Int) -> Int {
        var offset = 0
        let raw = UnsafeRawPointer(start)
        while offset + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            offset += 8
        }
        while offset < count, start[offset] < 0x80 { offset += 1 }
        return offset
    }

    /// Whether the `count` bytes at `start` are valid UTF-8.
    static func isValid(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let lead = start[offset]
            if lead < 0x80 {
                offset += firstNonASCII(start + offset, count: count - offset)
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard count - offset >= length else { return false }
            let second = start[offset + 1]
            guard second >= low && second <= high else { return false }
            for next in 2..<length where start[offset + next] & 0xC0 != 0x80 { return false }
            offset += length
        }
        return true
    }
}
