/// A rectangle of cells, zero-based and inclusive.
public struct CellRange: Sendable, Hashable {
    public var firstRow: Int
    public var firstCol: Int
    public var lastRow: Int
    public var lastCol: Int

    public init(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int) {
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// The A1-style name of the top-left cell, for relative references in conditional-format rules.
    public var topLeftA1: String { Self.columnLetters(firstCol) + String(firstRow + 1) }

    /// `0` → `A`, `26` → `AA`.
    public static func columnLetters(_ col: Int) -> String {
        var col = col + 1
        var letters = ""
        while col > 0 {
            let remainder = (col - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            col = (col - 1) / 26
        }
        return letters
    }
}
