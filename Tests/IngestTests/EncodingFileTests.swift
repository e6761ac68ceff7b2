import CSVParser
import Foundation
import Ingest
import RowStorage
import SurveyModel
import XCTest

/// Files in Windows-1252 and UTF-16 read through `SurveyFileReader` and `InputSetReader`
/// like their UTF-8 twins (SPEC §3.1 Encoding, §7 `encoding`), the UTF-16-read-as-UTF-8
/// input error, `auto`, and delimiter `auto`.
final class EncodingFileTests: XCTestCase {
    private typealias CSV = EmployeeCSV

    private func config(_ encoding: InputEncoding, delimiter: UInt8? = nil) -> PipelineConfig {
        var config = CSV.config()
        config.inputs.delimiter = delimiter
        config.inputs.encodings = [.employee: encoding]
        config.areas[0].aliases.append("Opérations Süd")
        return config
    }

    private func read(_ path: String, _ config: PipelineConfig) throws -> IngestedFile {
        try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0)
    }

    /// Accepted rows as "line id area comment", then rejects as "line reason column fields".
    private func describe(_ file: IngestedFile) throws -> [String] {
        let table = try file.table
        return (0..<table.count).map { "\(table.line[$0]) \(table.ids.string($0)) \(table.area[$0]) \(table.comments.string($0))" }
            + file.rejects.map { "\($0.line) \($0.reason) \($0.column ?? "-") \($0.rawFields.joined(separator: "|"))" }
    }

    private static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        ([0xFEFF] + Array(text.utf16)).flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    func testWindows1252CommentsAndAreaAliasAreAcceptedAsUTF8() throws {
        let folder = try ScratchFolder()
        // Hand-made Windows-1252: "Opérations Süd" has E9 and FC; the comments E9, FC, 80 (€).
        var bytes = CSV.bytes([CSV.header])
        bytes += CSV.bytes([CSV.row(id: "e1", area: "Op\u{2}rations S\u{3}d", comment: "caf\u{2} \u{4}5")])
        bytes += CSV.bytes([CSV.row(id: "e2", comment: "gr\u{3}n")])
        bytes = bytes.map { [0x02: 0xE9, 0x03: 0xFC, 0x04: 0x80][$0] ?? $0 }
        let path = try folder.write("cp1252.csv", bytes)
        let file = try read(path, config(.windows1252))
        XCTAssertEqual(file.encoding, .windows1252)
        XCTAssertEqual(try describe(file), ["2 e1 0 café €5", "3 e2 0 grün"])
        XCTAssertEqual(file.sha256, FileDigest.sha256(bytes: Data(bytes)), "the digest is of the file's own bytes")
        // Read as UTF-8 (the default) the same file loses both rows as encoding.
        let asUTF8 = try read(path, config(.utf8))
        XCTAssertEqual(asUTF8.rejects.map(\.reason), [.encoding, .encoding])
        XCTAssertEqual(asUTF8.rejects.map(\.column), ["area", "comment"])
    }

    func testEachUndefinedWindows1252ByteRejectsItsRowAsEncoding() throws {
        let folder = try ScratchFolder()
        let undefined: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        var bytes = CSV.bytes([CSV.header])
        for (index, _) in undefined.enumerated() { bytes += CSV.bytes([CSV.row(id: "e\(index)", comment: "x\u{2}y")]) }
        bytes += CSV.bytes([CSV.row(id: "ok", comment: "fine")])
        var next = 0
        bytes = bytes.map { byte in
            guard byte == 0x02 else { return byte }
            defer { next += 1 }
            return undefined[next]
        }
        let file = try read(try folder.write("undefined.csv", bytes), config(.windows1252))
        XCTAssertEqual(file.rejects.map(\.line), [2, 3, 4, 5, 6])
        XCTAssertEqual(Set(file.rejects.map(\.reason)), [.encoding])
        XCTAssertEqual(Set(file.rejects.map(\.column)), ["comment"])
        XCTAssertEqual(Set(file.rejects.map { $0.rawFields.last }), ["x\u{FFFD}y"], "raw fields are UTF-8")
        XCTAssertEqual(try file.table.count, 1)
    }

    func testUTF16LittleAndBigEndianReadLikeTheirUTF8Twin() throws {
        let folder = try ScratchFolder()
        let rows = [CSV.header, CSV.row(id: "e1", comment: "two\r\nlines, quoted"),
                    CSV.row(id: "e2", area: "Opérations Süd", comment: "smile 😀 and €"),
                    CSV.row(id: "e3", date: "not a date", comment: "x")]
        let text = String(decoding: CSV.bytes(rows, lineEnd: "\r\n"), as: UTF8.self)
        let twin = try describe(read(try folder.write("utf8.csv", Array(text.utf8)), config(.utf8)))
        XCTAssertEqual(twin.count, 3)
        XCTAssertTrue(twin[1].hasSuffix("smile 😀 and €"), "\(twin)")
        for bigEndian in [false, true] {
            let path = try folder.write("utf16-\(bigEndian).csv", Self.utf16(text, bigEndian: bigEndian))
            for encoding in [InputEncoding.utf16, .auto] {
                let file = try read(path, config(encoding))
                XCTAssertEqual(file.encoding, bigEndian ? .utf16BE : .utf16LE)
                XCTAssertEqual(try describe(file), twin, "big endian \(bigEndian), \(encoding)")
            }
        }
    }

    func testUnpairedSurrogateRejectsTheRowAsEncoding() throws {
        let folder = try ScratchFolder()
        let text = String(decoding: CSV.bytes([CSV.header, CSV.row(id: "e1", comment: "A"), CSV.row(id: "e2")]),
                          as: UTF8.self)
        var bytes = Self.utf16(text, bigEndian: false)
        let a = try XCTUnwrap(bytes.indices.first { bytes[$0] == 0x41 && bytes[$0 + 1] == 0 && $0 % 2 == 0 })
        bytes[a] = 0x00
        bytes[a + 1] = 0xDC  // U+DC00: a low surrogate alone
        let file = try read(try folder.write("surrogate.csv", bytes), config(.utf16))
        XCTAssertEqual(file.rejects.map(\.reason), [.encoding])
        XCTAssertEqual(file.rejects.map(\.line), [2])
        XCTAssertEqual(file.rejects.first?.rawFields.last, "\u{FFFD}")
        XCTAssertEqual(try file.table.count, 1)
    }

    func testUTF16ReadAsUTF8IsAnInputErrorNamingTheKey() throws {
        let folder = try ScratchFolder()
        let text = String(decoding: CSV.bytes([CSV.header, CSV.row()]), as: UTF8.self)
        let withBOM = try folder.write("bom.csv", Self.utf16(text, bigEndian: false))
        let noBOM = try folder.write("nobom.csv", Array(Self.utf16(text, bigEndian: true).dropFirst(2)))
        for (path, encoding) in [(withBOM, InputEncoding.utf8), (noBOM, .utf8), (noBOM, .auto), (withBOM, .windows1252)] {
            let error = inputError(path, config: config(encoding))
            XCTAssertEqual(error?.file, path)
            XCTAssertTrue(error?.message.contains("the file is UTF-16") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("set inputs.encoding to \"utf-16\"") ?? false, "\(String(describing: error))")
        }
        XCTAssertTrue(inputError(noBOM, config: config(.utf16))?.message.contains("byte-order mark") ?? false)
        let utf8 = try folder.write("utf8.csv", Array(text.utf8))
        XCTAssertTrue(inputError(utf8, config: config(.utf16))?.message.contains("inputs.encoding is \"utf-16\"") ?? false)
    }

    func testAutoTakesUTF8WithOrWithoutBOM() throws {
        let folder = try ScratchFolder()
        let bytes = CSV.bytes([CSV.header, CSV.row(comment: "ünïcode")])
        for (name, content) in [("bom.csv", [0xEF, 0xBB, 0xBF] + bytes), ("plain.csv", bytes)] {
            let file = try read(try folder.write(name, content), config(.auto))
            XCTAssertEqual(file.encoding, .utf8)
            XCTAssertEqual(try describe(file), ["2 e1 0 ünïcode"], name)
        }
    }

    func testDelimiterAutoReadsSemicolonAndTabFiles() throws {
        let folder = try ScratchFolder()
        for delimiter: Character in [";", "\t", ","] {
            let bytes = CSV.bytes([CSV.header, CSV.row(comment: "a, b; c")], delimiter: delimiter)
            let file = try read(try folder.write("d.csv", bytes), config(.utf8))
            XCTAssertEqual(file.delimiter, delimiter.asciiValue)
            XCTAssertEqual(try describe(file), ["2 e1 0 a, b; c"], "delimiter \(delimiter)")
        }
        // Windows-1252 with semicolons (Excel's CSV where the decimal separator is a comma).
        let bytes = CSV.bytes([CSV.header, CSV.row(comment: "caf\u{2}")], delimiter: ";").map { $0 == 2 ? 0xE9 : $0 }
        let file = try read(try folder.write("semi.csv", bytes), config(.windows1252))
        XCTAssertEqual(try describe(file), ["2 e1 0 café"])
    }

    /// Transcoded files are never cut into pieces; with several jobs they read as with one, and
    /// a duplicate's raw fields are found again by their offset in the UTF-8 text.
    func testTranscodedFilesReadWholeWithSeveralJobsAndFetchDuplicates() throws {
        let folder = try ScratchFolder()
        var rows = [CSV.header]
        for index in 0..<200 { rows.append(CSV.row(id: "e\(index % 150)", comment: "r\u{2}sum\u{2} \(index)")) }
        let bytes = CSV.bytes(rows).map { $0 == 2 ? 0xE9 : $0 }
        let path = try folder.write("big.csv", bytes)
        let config = config(.windows1252)
        let files = [InputFile(path: path, kind: .employee)]
        let one = try InputSetReader.read(files, config: config, jobs: 1, spill: nil)
        let many = try InputSetReader.read(files, config: config, jobs: 3, spill: nil, pieceBytes: 500)
        XCTAssertEqual(many[0].parts.count, 1, "not cut")
        XCTAssertEqual(try describe(many[0]), try describe(one[0]))
        XCTAssertEqual(many[0].sha256, one[0].sha256)
        let table = try one[0].table
        let wanted = [10, 199].map { row in (fileIndex: 0, line: Int(table.line[row]), offset: Int(table.offset[row])) }
        let fetched = try RecordFetcher.rejects(one, duplicates: wanted)
        XCTAssertEqual(fetched.map { $0.rawFields.last }, ["résumé 10", "résumé 199"])
    }
}
