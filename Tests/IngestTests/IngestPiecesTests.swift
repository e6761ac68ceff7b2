import Foundation
import Ingest
import RowStorage
import SurveyModel
import XCTest

/// Ingest with files cut into many small pieces (as large files are for several
/// jobs) reads exactly what one whole read does, including where cuts fall inside
/// the conformance set's quoted line breaks and the pieces around them are joined.
final class IngestPiecesTests: XCTestCase {
    /// The conformance set's config, its input paths read from the config's folder as a run does.
    private func conformance() throws -> (config: PipelineConfig, files: [InputFile]) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conformance")
        var config = try ConfigLoader.load(path: folder.appendingPathComponent("pipeline.json").path).config
        config.inputs.employees = config.inputs.employees.map { folder.appendingPathComponent($0).path }
        config.inputs.customers = config.inputs.customers.map { folder.appendingPathComponent($0).path }
        return (config, try InputResolver.resolve(config.inputs))
    }

    private func describe(_ file: IngestedFile) throws -> [String] {
        let table = try SurveyRows(kind: file.kind, parts: file.parts, excluded: file.parts.map { _ in nil }).keptRows()
        var lines = (0..<table.count).map { row in
            "\(table.file[row]):\(table.line[row])@\(table.offset[row]) \(table.ids.string(row)) \(table.wave[row]) \(table.submitted[row]) "
                + "\(Array(table.answers(row: row))) \(table.comments.string(row)) "
                + table.breakdowns.indices.map { table.breakdownPools[$0].values[Int(table.breakdowns[$0][row])] }
                .joined(separator: "|")
        }
        lines += file.rejects.map { "\($0.fileIndex):\($0.line) \($0.reason) \($0.column ?? "-") \($0.rawFields)" }
        return lines + ["read \(file.rowsRead)", "sha \(file.sha256)", "unknown \(file.unknownColumns)"]
    }

    func testSmallPiecesReadWhatOneWholeReadDoes() throws {
        let (config, files) = try conformance()
        let folder = try ScratchFolder()
        let spill = try SpillFile(folder: folder.path)
        let whole = try InputSetReader.read(files, config: config, jobs: 1, spill: spill)
        for pieceBytes in [600, 2_500, 9_000] {
            var rejoined = 0
            let cut = try InputSetReader.read(files, config: config, jobs: 3, spill: spill, pieceBytes: pieceBytes,
                                              rejoined: { rejoined += $1 })
            XCTAssertEqual(cut.count, whole.count)
            if pieceBytes == 600 { XCTAssertGreaterThan(rejoined, 0, "cuts inside quoted line breaks are rejoined") }
            for (one, pieces) in zip(whole, cut) {
                XCTAssertGreaterThan(pieces.parts.count, 1, "\(one.path) in pieces of \(pieceBytes) bytes")
                XCTAssertEqual(try describe(pieces), try describe(one), "\(one.path) in pieces of \(pieceBytes) bytes")
            }
        }
    }

    /// The set has line breaks inside quoted fields, so some planned cuts are unsound: the
    /// joining path above is exercised, not only the easy one.
    func testSomeCutsOfTheConformanceSetFallInsideQuotes() throws {
        let (config, files) = try conformance()
        var unsound = 0
        for file in files {
            let reader = SurveyFileReader(config: config, kind: file.kind)
            let header = try reader.readHeader(path: file.path)
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
            let ranges = try PiecePlanner.ranges(path: file.path, data: header.dataStart..<size,
                                                 pieces: (size - header.dataStart) / 600)
            for range in ranges.dropLast() {
                let piece = try reader.readPiece(path: file.path, range: range, header: header, fileIndex: 0, spill: nil)
                if !piece.end.betweenRecords { unsound += 1 }
            }
        }
        XCTAssertGreaterThan(unsound, 0)
    }
}
