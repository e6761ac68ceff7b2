import Foundation
import XMLStream

/// Reads the first worksheet of an `.xlsx` workbook as records, streaming (SPEC §3.8):
/// the sheet XML is inflated and parsed as it is read, one `<row>` at a time, so memory
/// holds one row and the shared-string table, never the sheet.
///
///     let reader = try XLSXSheetReader(path: "forms.xlsx")
///     var record = XLSXRecord()
///     while try reader.next(into: &record) { … record.line, record.string(0), record.kind(0) … }
///
/// Each record is a row that has at least one value, with its cells in column order
/// (`C7` is cell 2 of row 7; missing cells are empty) and the row's number as its line.
/// Rows with formatting only are skipped. Not thread-safe: one reader, one thread.
public final class XLSXSheetReader {
    /// The workbook's path, as given.
    public let file: String
    /// The sheet's tab name and its ZIP member (`xl/worksheets/sheet1.xml`).
    public let sheetName: String
    public let sheetMember: String
    /// The workbook's date system, for `ExcelSerialDate.text(serial:system:)`.
    public let dateSystem: ExcelDateSystem
    private let strings: SharedStringTable
    func sharedString(_ index: Int, _ body: (ArraySlice<UInt8>) -> Void) { strings.withString(index, body) }
    private let xml: MemberXML
    private var lastRow = 0
    private var skipCurrent = false
    private var ended = false

    /// Excel's sheet limits.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// Opens `path`, finds its first worksheet and reads its shared strings.
    public init(path: String) throws(XLSXInputError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied")
        }
        let url = URL(fileURLWithPath: path)
        let layout = try WorkbookLayout.locate(archive: url, file: path)
        file = path
        sheetName = layout.sheetName
        sheetMember = layout.sheetMember
        dateSystem = layout.dateSystem
        if let member = layout.sharedStringsMember {
            strings = try SharedStringTable(archive: url, file: path, member: member)
        } else {
            strings = SharedStringTable()
        }
        xml = try MemberXML(archive: url, file: path, member: layout.sheetMember)
    }

    /// How many shared strings the workbook has, and the bytes they take in memory.
    public var sharedStringCount: Int { strings.count }
    public var sharedStringBytes: Int { strings.byteCount }

    /// Refills `record` with the next row that has a value.
    /// - Returns: false after the last row (the member's checksum has then been checked).
    public func next(into record: inout XLSXRecord) throws(XLSXInputError) -> Bool {
        while !ended {
            let more = skipCurrent ? try xml.skipSubtree() : try xml.read()
            skipCurrent = false
            guard more else {
                ended = true
                break
            }
            guard xml.isStartElement, xml.depth == 2, xml.nameIs("row") else { continue }
            skipCurrent = true
            let hasValue = try xml.withElement { (row) throws(XLSXInputError) in try readRow(row, into: &record) }
            if hasValue { return true }
        }
        return false
    }

    /// Fills `record` from one `<row>`; returns whether any cell had a value.
    private func readRow(_ row: XMLElement, into record: inout XLSXRecord) throws(XLSXInputError) -> Bool {
        let number = try rowNumber(row)
        lastRow = number
        record.reset(line: number)
        var nextColumn = 0
        var hasValue = false
        try row.forEachChildElement { (cell) throws(XLSXInputError) in
            guard cell.nameIs("c") else { return }
            let column = try cellColumn(cell, row: number, next: nextColumn)
            nextColumn = column + 1
            if try readCell(cell, column: column, row: number, into: &record) { hasValue = true }
        }
        return hasValue
    }

    private func rowNumber(_ row: XMLElement) throws(XLSXInputError) -> Int {
        let expected = lastRow + 1
        let written = row.withAttribute("r") { value in value.map { (text: String(decoding: $0, as: UTF8.self),
                                                                       number: CellReference.decimal($0)) } }
        guard let written else { return expected }
        guard let number = written.number, number >= 1 else {
            throw .badReference(file: file, member: sheetMember, row: expected, reference: written.text,
                                expected: "a row number from 1 to \(Self.maxRows)")
        }
        guard number <= Self.maxRows else {
            throw .beyondSheetLimits(file: file, member: sheetMember, row: number, reference: written.text)
        }
        guard number > lastRow else {
            throw .badReference(file: file, member: sheetMember, row: number, reference: written.text,
                                expected: "rows in ascending order (the row before was \(lastRow))")
        }
        return number
    }

    /// The 0-based column of a `<c>`: from its `r` (`C7` → 2), else the one after the previous cell.
    private func cellColumn(_ cell: XMLElement, row: Int, next: Int) throws(XLSXInputError) -> Int {
        let parsed = cell.withAttribute("r") { value in value.map { (String(decoding: $0, as: UTF8.self),
                                                                       CellReference.column($0)) } }
        guard let (text, column) = parsed else { return next }
        guard let column else {
            throw .badReference(file: file, member: sheetMember, row: row, reference: text,
                                expected: "a cell reference such as C7 (column letters, then the row number)")
        }
        guard column < Self.maxColumns else {
            throw .beyondSheetLimits(file: file, member: sheetMember, row: row, reference: text)
        }
        guard column >= next else {
            throw .badReference(file: file, member: sheetMember, row: row, reference: text,
                                expected: "cells in ascending column order within the row")
        }
        return column
    }
}
