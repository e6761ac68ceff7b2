import XMLStream

/// Why an `.xlsx` file could not be read, with the file, the ZIP member and the
/// row or cell where it went wrong, and what was expected there.
public enum XLSXInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened at all (missing, unreadable).
    case unreadable(file: String, reason: String)
    /// The file is not a ZIP archive, so not an `.xlsx` workbook.
    case notAZip(file: String)
    /// A part the workbook needs is absent (`why` says who refers to it).
    case missingMember(file: String, member: String, why: String)
    /// The workbook lists no worksheet (only chart sheets, or none).
    case noWorksheet(file: String, workbook: String)
    /// A member could not be decompressed (truncated, bad checksum).
    case corruptMember(file: String, member: String, reason: String)
    /// A member is not well-formed XML; line and column are libxml2's, in the member.
    case malformedXML(file: String, member: String, line: Int?, column: Int?, message: String)
    /// A cell of type `s` names a shared string the table does not have.
    case sharedStringIndexOutOfRange(file: String, member: String, row: Int, cell: String, index: String, count: Int)
    /// A `<row>` or `<c>` does not say where it is in a form we can read, or is out of order.
    case badReference(file: String, member: String, row: Int, reference: String, expected: String)
    /// A row or column past Excel's sheet limits (1,048,576 rows, 16,384 columns).
    case beyondSheetLimits(file: String, member: String, row: Int, reference: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot open the workbook: \(reason)"
        case let .notAZip(file):
            return "\(file): not an .xlsx workbook (not a ZIP archive); save it from Excel as "
                + "\"Excel Workbook (.xlsx)\" or export it as CSV"
        case let .missingMember(file, member, why):
            return "\(file): the workbook has no \(member) (\(why)); the file is damaged or not an Excel workbook"
        case let .noWorksheet(file, workbook):
            return "\(file): \(workbook) lists no worksheet; expected at least one sheet with the responses"
        case let .corruptMember(file, member, reason):
            return "\(file): \(member) is damaged (\(reason)); re-export or re-save the workbook"
        case let .malformedXML(file, member, line, column, message):
            let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
            let at = place.isEmpty ? "" : " at " + place.joined(separator: ", ")
            return "\(file): \(member) is not well-formed XML\(at): \(message)"
        case let .sharedStringIndexOutOfRange(file, member, row, cell, index, count):
            return "\(file): \(member) row \(row), cell \(cell): shared string \(index) does not exist "
                + "(the table has \(count)); expected an index from 0 to \(max(count - 1, 0))"
        case let .badReference(file, member, row, reference, expected):
            return "\(file): \(member) row \(row): reference \"\(reference)\": expected \(expected)"
        case let .beyondSheetLimits(file, member, row, reference):
            return "\(file): \(member) row \(row): \"\(reference)\" is beyond Excel's limits "
                + "(1,048,576 rows, 16,384 columns A..XFD)"
        }
    }

    static func malformed(_ error: XMLStreamError, file: String, member: String) -> XLSXInputError {
        .malformedXML(file: file, member: member, line: error.line, column: error.column, message: error.message)
    }
}
