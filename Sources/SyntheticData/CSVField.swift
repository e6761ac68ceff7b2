/// RFC 4180 encoding of one field, done once per distinct text so the row loop only copies bytes.
enum CSVField {
    /// The UTF-8 bytes of `text`, wrapped in double quotes (inner quotes doubled)
    /// when it holds a comma, a double quote, CR or LF.
    static func encode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D]
        guard bytes.contains(where: special.contains) else { return bytes }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return quoted
    }

    /// A header row (without the line end) from column names.
    static func header(_ columns: [String]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: encode(column))
        }
        return line
    }
}
