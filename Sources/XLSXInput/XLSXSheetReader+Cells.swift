import XMLStream

extension XLSXSheetReader {
    /// Appends one `<c>` at `column` to `record` (padding the cells before it with empty
    /// ones); returns false, appending nothing, when the cell has no value.
    func readCell(_ cell: XMLElement, column: Int, row: Int,
                  into record: inout XLSXRecord) throws(XLSXInputError) -> Bool {
        let type = cell.withAttribute("t") { value in value.map { String(decoding: $0, as: UTF8.self) } }
        guard let kind = Self.kind(of: type) else {
            throw .badReference(file: file, member: sheetMember, row: row, reference: type ?? "",
                                expected: "a cell type t of s, inlineStr, str, b, n, e or d")
        }
        var value: XMLElement?
        var inline: XMLElement?
        cell.forEachChildElement { child in
            if child.nameIs("v") {
                value = child
            } else if child.nameIs("is") {
                inline = child
            }
        }
        switch kind {
        case .inlineString:
            guard let inline else { return false }
            record.padEmpty(to: column)
            record.withBytes { appendStringItem(inline, to: &$0) }
        case .sharedString:
            guard let value else { return false }
            let index = value.withText { CellReference.decimal($0) }
            guard let index, index < sharedStringCount else {
                throw .sharedStringIndexOutOfRange(file: file, member: sheetMember, row: row,
                                                   cell: Self.name(column: column, row: row),
                                                   index: value.text, count: sharedStringCount)
            }
            record.padEmpty(to: column)
            sharedString(index) { record.appendText($0) }
        case .boolean:
            guard let value else { return false }
            let text = value.text
            record.padEmpty(to: column)
            record.appendText(text == "1" ? "TRUE".utf8 : text == "0" ? "FALSE".utf8 : text.utf8)
        case .formulaString:
            guard let value else { return false }
            record.padEmpty(to: column)
            record.withBytes { bytes in
                let start = bytes.count
                value.appendText(to: &bytes)
                decodeXStringEscapes(in: &bytes, from: start)
            }
        case .number, .error, .isoDate, .empty:
            guard let value, value.withText({ !$0.isEmpty }) else { return false }
            record.padEmpty(to: column)
            record.withBytes { value.appendText(to: &$0) }
        }
        record.endCell(kind)
        return true
    }

    /// The kind a `t` attribute names; nil for a type the format does not have.
    static func kind(of type: String?) -> XLSXCellKind? {
        switch type {
        case nil, "n": return .number
        case "s": return .sharedString
        case "inlineStr": return .inlineString
        case "str": return .formulaString
        case "b": return .boolean
        case "e": return .error
        case "d": return .isoDate
        default: return nil
        }
    }

    /// `C7` for column 2 of row 7 (for messages).
    static func name(column: Int, row: Int) -> String {
        var letters: [Character] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            rest = (rest - 1) / 26
        }
        return String(letters) + String(row)
    }
}
