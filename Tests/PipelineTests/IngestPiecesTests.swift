import Foundation
import Ingest
@testable import Pipeline
import RowStorage
import SurveyModel
import XCTest

/// Ingest with files cut into many small pieces (as large files are for several
/// jobs) reads exactly what one whole read does, including where cuts fall inside
/// the conformance set's quoted line breaks and the pieces around them are joined.
final class IngestPiecesTests: XCTestCase {
    private func conformance() throws -> (config: PipelineConfig, files: [InputFile]) {
        var options = RunOptions()
        options.configPath = Fixtures.path("conformance/pipeline.json")
        let config = try options.apply(to: ConfigLoader.load(path: options.configPath).config)
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
        let spill = try Fixtures.temporaryFolder()
        let quiet = RunLog(format: .text, quiet: true)
        let whole = try IngestStage.run(files, config: config, jobs: 1, spillFolder: spill, log: quiet)
        for pieceBytes in [600, 2_500, 9_000] {
            let cut = try IngestStage.run(files, config: config, jobs: 3, spillFolder: spill, pieceBytes: pieceBytes,
                                          log: quiet)
            XCTAssertEqual(cut.count, whole.count)
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
