/// What an XLSX cell held, from its `t` attribute: the caller needs it where text
/// and numbers mean different things (a number in the `submitted_at` column is a
/// serial date; a number in an answer column must be an integer).
public enum XLSXCellKind: UInt8, Sendable, Equatable {
    /// No value (a missing cell, or one with formatting only).
    case empty
    /// `t="s"`: an entry of the shared-string table.
    case sharedString
    /// `t="inlineStr"`: the text in the cell's `<is>`.
    case inlineString
    /// `t="str"`: the text result of a formula.
    case formulaString
    /// `t="b"`: `TRUE` or `FALSE`.
    case boolean
    /// `t="n"` or no `t`: the number as written in `<v>` (`3`, `45000.5`, `1.5E-3`).
    case number
    /// `t="e"`: an error value as written (`#N/A`, `#DIV/0!`).
    case error
    /// `t="d"`: an ISO 8601 date-time text as written.
    case isoDate

    /// The cell holds a number (so its text is a decimal or scientific number, not text).
    public var isNumber: Bool { self == .number }
}

/// One row of a worksheet as a record: the cell texts in column order (A first)
/// end to end as UTF-8, their boundaries, each cell's kind, and the row's number.
/// Missing cells are empty fields; cells past `count` are empty too (a short row).
/// `XLSXSheetReader.next(into:)` refills one record in place, keeping its capacity.
public struct XLSXRecord: Sendable, Equatable {
    /// The cell texts end to end.
    public private(set) var bytes: [UInt8] = []
    /// `ends[i]` is where cell i's text ends in `bytes`.
    public private(set) var ends: [Int] = []
    /// `kinds[i]` is what cell i held.
    public private(set) var kinds: [XLSXCellKind] = []
    /// The row number in the sheet (the `r` of `<row>`, 1-based): the line number of SPEC §3.8.
    public internal(set) var line = 0

    public init() {}

    /// Cells up to the last one with a value.
    public var count: Int { ends.count }

    /// The text of cell `index` (0 = column A); empty past the end.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        guard index < ends.count else { return bytes[0..<0] }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// What cell `index` held; `.empty` past the end.
    public func kind(_ index: Int) -> XLSXCellKind { index < kinds.count ? kinds[index] : .empty }

    /// Cell `index` as text.
    public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Every cell as text.
    public var strings: [String] { (0..<count).map(string) }

    mutating func reset(line: Int) {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        self.line = line
    }

    /// Pads with empty cells until `count == cells`.
    mutating func padEmpty(to cells: Int) {
        while ends.count < cells {
            ends.append(bytes.count)
            kinds.append(.empty)
        }
    }

    /// Ends the cell whose text was just appended with `appendText`.
    mutating func endCell(_ kind: XLSXCellKind) {
        ends.append(bytes.count)
        kinds.append(kind)
    }

    /// Appends to the text of the cell being built (ended by `endCell`).
    mutating func appendText<Bytes: Sequence<UInt8>>(_ text: Bytes) { bytes.append(contentsOf: text) }

    /// Gives the cell being built's text storage to `body` (for in-place writers).
    mutating func withBytes<Result>(_ body: (inout [UInt8]) -> Result) -> Result { body(&bytes) }
}
