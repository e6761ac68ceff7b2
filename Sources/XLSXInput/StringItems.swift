import XMLStream

/// The text of a string item: a shared-string `<si>` or an inline `<is>`. Plain
/// `<t>` and the `<t>` of every rich-text run `<r>` are concatenated in order;
/// phonetic runs (`<rPh>`) are not part of the text, as Excel shows it.
func appendStringItem(_ item: XMLElement, to bytes: inout [UInt8]) {
    let start = bytes.count
    item.forEachChildElement { child in
        if child.nameIs("t") {
            child.appendText(to: &bytes)
        } else if child.nameIs("r") {
            child.forEachChildElement { run in
                if run.nameIs("t") { run.appendText(to: &bytes) }
            }
        }
    }
    decodeXStringEscapes(in: &bytes, from: start)
}

/// Decodes OOXML's `_xHHHH_` escapes (ST_Xstring) in `bytes[start...]`, in place: Excel
/// writes a carriage return as `_x000D_`, other control characters alike, and a literal
/// `_x` sequence as `_x005F_x…`. UTF-16 surrogate pairs written as two escapes are joined;
/// a lone surrogate or an escape of something that is no character is left as written.
func decodeXStringEscapes(in bytes: inout [UInt8], from start: Int) {
    guard let first = bytes[start...].firstIndex(of: UInt8(ascii: "_")) else { return }
    var read = first
    var write = first
    while read < bytes.count {
        if bytes[read] == UInt8(ascii: "_"), let unit = escapedUnit(bytes, at: read) {
            var scalar = Unicode.Scalar(unit)
            var consumed = 7
            if (0xD800..<0xDC00).contains(unit), let low = escapedUnit(bytes, at: read + 7),
               (0xDC00..<0xE000).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                consumed = 14
            }
            if let scalar, let encoded = UTF8.encode(scalar) {
                for byte in encoded {
                    bytes[write] = byte
                    write += 1
                }
                read += consumed
                continue
            }
        }
        bytes[write] = bytes[read]
        write += 1
        read += 1
    }
    bytes.removeSubrange(write...)
}

/// The code unit of an `_xHHHH_` escape starting at `index`, or nil.
private func escapedUnit(_ bytes: [UInt8], at index: Int) -> UInt16? {
    guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
          bytes[index + 6] == UInt8(ascii: "_") else { return nil }
    var unit: UInt16 = 0
    for offset in 2...5 {
        let byte = bytes[index + offset]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        unit = unit << 4 | UInt16(digit)
    }
    return unit
}
