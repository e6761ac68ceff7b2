import Foundation
import XCTest
import XLSXInput
import ZIPFoundation

/// The sheet is streamed, not loaded: reading a generated 120,000-row workbook whose
/// sheet XML is tens of megabytes raises the process's peak RSS by a small fraction of
/// that (Linux: the peak is reset through /proc/self/clear_refs just before reading).
final class StreamingMemoryTests: XCTestCase {
    static let rows = 120_000
    static let labels = ["Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree"]

    func testReadsALargeSheetWithBoundedMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-stream-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("large.xlsx")
        let sheetBytes = try Self.writeWorkbook(to: workbook, in: folder)
        XCTAssertGreaterThan(sheetBytes, 25_000_000)

        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = try Self.status("VmRSS")
        let reader = try XLSXSheetReader(path: workbook.path)
        var record = XLSXRecord()
        var count = 0
        var lastLine = 0
        var scoreSum = 0
        var agreeCount = 0
        while try reader.next(into: &record) {
            count += 1
            lastLine = record.line
            if record.line > 1 {
                scoreSum += Int(record.string(2)) ?? -1_000_000
                if record.string(3) == "Agree" { agreeCount += 1 }
            }
        }
        let peak = try Self.status("VmHWM")
        XCTAssertEqual(count, Self.rows + 1)
        XCTAssertEqual(lastLine, Self.rows + 1)
        // row n (2...) holds score n % 7 and label n % 5: hand sums over the rows.
        let expectedSum = (2...(Self.rows + 1)).reduce(0) { $0 + $1 % 7 }
        XCTAssertEqual(scoreSum, expectedSum)
        XCTAssertEqual(agreeCount, (2...(Self.rows + 1)).filter { $0 % 5 == 1 }.count)
        let growth = peak - before
        XCTAssertLessThan(growth, sheetBytes / 4,
                          "peak RSS grew \(growth) bytes reading a \(sheetBytes)-byte sheet: not streaming")
    }

    /// Writes a workbook with shared strings and a sheet of `rows` data rows; returns the sheet XML's size.
    static func writeWorkbook(to url: URL, in folder: URL) throws -> Int {
        let sheetURL = folder.appendingPathComponent("sheet1.xml")
        FileManager.default.createFile(atPath: sheetURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: sheetURL)
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"\(main)\"><sheetData>"
        text += "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c><c r=\"B1\" t=\"s\"><v>6</v></c>"
            + "<c r=\"C1\" t=\"s\"><v>7</v></c><c r=\"D1\" t=\"s\"><v>8</v></c><c r=\"E1\" t=\"s\"><v>9</v></c></row>"
        var size = 0
        for row in 2...(rows + 1) {
            text += "<row r=\"\(row)\" spans=\"1:5\"><c r=\"A\(row)\"><v>\(row - 1)</v></c>"
                + "<c r=\"B\(row)\" s=\"1\"><v>45000.\(row % 10)</v></c><c r=\"C\(row)\"><v>\(row % 7)</v></c>"
                + "<c r=\"D\(row)\" t=\"s\"><v>\(row % 5)</v></c>"
                + "<c r=\"E\(row)\" t=\"inlineStr\"><is><t>comment number \(row)</t></is></c></row>"
            if text.utf8.count > 1 << 20 {
                size += text.utf8.count
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        text += "</sheetData></worksheet>"
        size += text.utf8.count
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()

        let header = ["id", "submitted_at", "score", "answer", "comment"]
        let strings = (labels + header).map { "<si><t>\($0)</t></si>" }.joined()
        let archive = try Archive(url: url, accessMode: .create)
        try add(archive, "xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
                + "<sheet name=\"Big\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try add(archive, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(pkg)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>")
        try add(archive, "xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(strings)</sst>")
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", fileURL: sheetURL, compressionMethod: .deflate)
        try FileManager.default.removeItem(at: sheetURL)
        return size
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A `/proc/self/status` field in bytes.
    private static func status(_ field: String) throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            if let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") { return kilobytes * 1024 }
        }
        throw CocoaError(.fileReadCorruptFile)
    }
}
