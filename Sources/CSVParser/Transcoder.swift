/// Turns Windows-1252 or UTF-16 bytes into UTF-8 a chunk at a time, carrying what a chunk
/// boundary cuts (half a UTF-16 code unit, a high surrogate) to the next call, so a file is
/// transcoded while it streams (SPEC §3.1 Encoding).
///
/// What the source cannot hold becomes the byte 0xFF, which is never valid UTF-8: the five
/// bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), an unpaired UTF-16
/// surrogate, an odd last byte of UTF-16. The per-record UTF-8 check of ingest then rejects
/// the row as `encoding` (SPEC §7), and the rejects file shows U+FFFD in its place. Line
/// feeds and carriage returns come out as themselves, so lines are counted in the output.
public struct Transcoder: Sendable {
    public let encoding: SourceEncoding
    /// The byte written for what the source encoding cannot hold.
    public static let invalid: UInt8 = 0xFF

    private var carriedByte: UInt8?
    private var highSurrogate: UInt16 = 0
    /// A UTF-16 byte-order mark (the first code unit, U+FEFF) is dropped, not transcoded.
    private var atStart = true

    /// `.utf8` copies the bytes as they are (the streaming read of a UTF-8 file never comes here).
    public init(_ encoding: SourceEncoding) {
        self.encoding = encoding
    }

    /// The output room `transcode` needs for `count` input bytes (`finish` needs 2).
    public static func outputCapacity(forInput count: Int) -> Int { 3 * count + 8 }

    /// Transcodes `input` into `output`, which must hold `outputCapacity(forInput: input.count)`
    /// bytes. - Returns: the bytes written.
    public mutating func transcode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else { return 0 }
        precondition(output.count >= Self.outputCapacity(forInput: input.count), "transcoder output too small")
        switch encoding {
        case .utf8: return copy(input, into: out)
        case .windows1252: return windows1252(input, into: out)
        case .utf16LE, .utf16BE: return utf16(input, into: out)
        }
    }

    /// Flushes what the last chunk left open (an odd byte, a high surrogate) as 0xFF.
    /// - Returns: the bytes written (at most 2).
    public mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self), output.count >= 2 else { return 0 }
        var written = 0
        if highSurrogate != 0 {
            out[written] = Self.invalid
            written += 1
            highSurrogate = 0
        }
        if carriedByte != nil {
            out[written] = Self.invalid
            written += 1
            carriedByte = nil
        }
        return written
    }

    /// A whole document at once (tests, fuzzing, a file's first bytes).
    public static func transcode(_ bytes: [UInt8], from encoding: SourceEncoding) -> [UInt8] {
        var transcoder = Transcoder(encoding)
        var output = [UInt8](repeating: 0, count: outputCapacity(forInput: bytes.count))
        let count = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { input in
                let written = transcoder.transcode(input, into: out)
                return written + transcoder.finish(into: UnsafeMutableRawBufferPointer(rebasing: out[written...]))
            }
        }
        return Array(output[..<count])
    }

    private func copy(_ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        UnsafeMutableRawPointer(out).copyMemory(from: input.baseAddress!, byteCount: input.count)
        return input.count
    }

    /// ASCII runs go through eight bytes at a time (the exports are mostly ASCII); any other byte
    /// is looked up one at a time.
    private func windows1252(_ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = input.baseAddress else { return 0 }
        var written = 0, index = 0
        let count = input.count
        while index < count {
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                index += 8
                written += 8
            }
            guard index < count else { break }
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index += 1
            if byte < 0x80 {
                out[written] = byte
                written += 1
            } else if byte >= 0xA0 {
                out[written] = 0xC0 | (byte >> 6)
                out[written + 1] = 0x80 | (byte & 0x3F)
                written += 2
            } else {
                let scalar = Self.windows1252High[Int(byte - 0x80)]
                if scalar == 0 {
                    out[written] = Self.invalid
                    written += 1
                } else {
                    written += Self.encode(UInt32(scalar), into: out + written)
                }
            }
        }
        return written
    }

    private mutating func utf16(_ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let bigEndian = encoding == .utf16BE
        while index < input.count {
            let first: UInt8, second: UInt8
            if let carried = carriedByte {
                first = carried
                second = input[index]
                carriedByte = nil
                index += 1
            } else if index + 1 < input.count {
                first = input[index]
                second = input[index + 1]
                index += 2
            } else {
                carriedByte = input[index]
                break
            }
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
            if atStart {
                atStart = false
                if unit == 0xFEFF { continue }
            }
            written += unit16(unit, into: out + written)
        }
        return written
    }

    /// One UTF-16 code unit: a high surrogate waits for its low half; anything unpaired is 0xFF.
    private mutating func unit16(_ unit: UInt16, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        switch unit {
        case 0xD800...0xDBFF:
            if highSurrogate != 0 {
                out[0] = Self.invalid
                written = 1
            }
            highSurrogate = unit
            return written
        case 0xDC00...0xDFFF:
            guard highSurrogate != 0 else {
                out[0] = Self.invalid
                return 1
            }
            let scalar = 0x10000 + (UInt32(highSurrogate - 0xD800) << 10 | UInt32(unit - 0xDC00))
            highSurrogate = 0
            return Self.encode(scalar, into: out)
        default:
            if highSurrogate != 0 {
                out[0] = Self.invalid
                written = 1
                highSurrogate = 0
            }
            return written + Self.encode(UInt32(unit), into: out + written)
        }
    }

    /// Writes `scalar` (below 0x110000, not a surrogate) as UTF-8. - Returns: 1 to 4.
    private static func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(truncatingIfNeeded: scalar)
            return 1
        case 0x80..<0x800:
            out[0] = 0xC0 | UInt8(truncatingIfNeeded: scalar >> 6)
            out[1] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = 0xE0 | UInt8(truncatingIfNeeded: scalar >> 12)
            out[1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
            out[2] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
            return 3
        default:
            out[0] = 0xF0 | UInt8(truncatingIfNeeded: scalar >> 18)
            out[1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F)
            out[2] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
            out[3] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
            return 4
        }
    }

    /// Windows-1252 bytes 0x80–0x9F as Unicode scalars; 0 marks the five undefined bytes.
    /// (0xA0–0xFF are U+00A0–U+00FF, as in Latin-1.)
    private static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
