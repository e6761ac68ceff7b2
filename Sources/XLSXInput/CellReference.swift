/// Parsing of the numbers and references a worksheet writes in attributes.
enum CellReference {
    /// The 0-based column of a reference such as `C7` or `AB12` (letters, then an optional
    /// row number); nil when it is not of that form or has more than three letters.
    static func column(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        var index = 0
        while index < reference.count {
            let byte = reference[index] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            letters += 1
            index += 1
        }
        guard letters >= 1, letters <= 3 else { return nil }
        while index < reference.count {
            guard reference[index] >= UInt8(ascii: "0"), reference[index] <= UInt8(ascii: "9") else { return nil }
            index += 1
        }
        return column - 1
    }

    /// A non-negative decimal of at most 15 digits (`12`); nil for anything else.
    static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 15 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
