import CSVParser
import Foundation
import Jobs
import RowStorage
import SurveyModel

/// Reads every input file of a run and returns them in input order. With more than one
/// job, large files are cut into byte ranges (`PiecePlanner`) so that every core parses
/// even when one export is much larger than the others; every piece and every cut
/// file's SHA-256 is a task of one dynamically scheduled pool (`TaskPool`). Where a cut
/// fell inside a quoted field, the pieces on both sides are read again joined. The
/// accepted rows of every piece go to `spill` (one descriptor, however many files).
public enum InputSetReader {
    /// Pieces are at least this large: below it the per-piece costs (a parser, a
    /// chunk buffer, a partly filled last chunk) outweigh the balance.
    public static let minimumPieceBytes = 8 << 20

    /// - Parameters:
    ///   - spill: where accepted rows go; nil keeps them in memory.
    ///   - pieceBytes: the size to cut files at; nil chooses about two pieces per job.
    ///   - progress: told the size of every chunk read, from any worker thread.
    ///   - rejoined: told, per file, how many cuts fell inside quoted fields (only when some did).
    /// - Throws: `PipelineError.other` when the linked libcsv is not the supported version (checked
    ///   before any file is opened) or the spill file cannot be written; `.input` for a missing,
    ///   unreadable or malformed file.
    public static func read(_ files: [InputFile], config: PipelineConfig, jobs: Int, spill: SpillFile?,
                            pieceBytes: Int? = nil, progress: @escaping @Sendable (Int) -> Void = { _ in },
                            rejoined: (_ path: String, _ cuts: Int) -> Void = { _, _ in })
        throws(PipelineError) -> [IngestedFile] {
        do {
            try LibCSVVersion.check()
        } catch {
            throw .other(error.description)
        }
        let readers = files.map { SurveyFileReader(config: config, kind: $0.kind) }
        guard jobs > 1 else {
            return try files.indices.map { index throws(PipelineError) in
                try readers[index].read(path: files[index].path, fileIndex: index, spill: spill, progress: progress)
            }
        }
        // Headers first, in input order, so a broken file is reported as in a one-job run.
        let headers = try files.indices.map { index throws(PipelineError) in
            try readers[index].readHeader(path: files[index].path)
        }
        let dataBytes = files.indices.map { max(0, fileSize(files[$0].path) - headers[$0].dataStart) }
        let target = pieceBytes ?? max(minimumPieceBytes, dataBytes.reduce(0, +) / (jobs * 2))
        // A transcoded file is read in one piece: its offsets count bytes of the UTF-8 text, which
        // a cut in the file's own bytes cannot name (docs/PERFORMANCE.md, "Encodings").
        let ranges = try files.indices.map { index throws(PipelineError) in
            headers[index].encoding.needsTranscoding ? [headers[index].dataStart..<Int.max] : try PiecePlanner.ranges(path: files[index].path,
                                    data: headers[index].dataStart..<(headers[index].dataStart + dataBytes[index]),
                                    pieces: SurveyFileReader.isXLSX(files[index].path) ? 1
                                        : max(1, (dataBytes[index] + target / 2) / max(target, 1)))
        }
        let tasks = IngestTask.plan(ranges)
        let results = ResultSlots<Result<IngestResult, PipelineError>>(count: tasks.count)
        TaskPool.run(jobs: jobs, tasks: tasks.count) { _, number in
            let task = tasks[number], file = files[task.file], reader = readers[task.file]
            results.set(number, Result { () throws(PipelineError) -> IngestResult in
                switch task.work {
                case .whole:
                    return .file(try reader.read(path: file.path, fileIndex: task.file, spill: spill,
                                                 progress: progress))
                case .piece(let range):
                    return .piece(try reader.readPiece(path: file.path, range: range, header: headers[task.file],
                                                       fileIndex: task.file, spill: spill,
                                                       onBytes: { progress($0.count) }))
                case .digest:
                    return .digest(try FileDigest.sha256(path: file.path))
                }
            })
        }
        let outcomes = try results.values.map { result throws(PipelineError) -> IngestResult in
            guard let result else { throw .other("internal: an ingest task did not run") }
            return try result.get()
        }
        return try files.indices.map { index throws(PipelineError) in
            try assemble(index, path: files[index].path, tasks: tasks, outcomes: outcomes, reader: readers[index],
                         header: headers[index], spill: spill, rejoined: rejoined)
        }
    }

    /// The size of the file at `path` in bytes (0 when it cannot be read: its reader reports why).
    public static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// File `index` from its task results. Where a cut fell inside a record (a line feed in a
    /// quoted field), the piece before it and the piece after it are read again as one.
    private static func assemble(_ index: Int, path: String, tasks: [IngestTask], outcomes: [IngestResult],
                                 reader: SurveyFileReader, header: FileHeader, spill: SpillFile?,
                                 rejoined: (String, Int) -> Void) throws(PipelineError) -> IngestedFile {
        var pieces: [(range: Range<Int>, piece: FilePiece)] = [], digest = ""
        for (task, outcome) in zip(tasks, outcomes) where task.file == index {
            switch (task.work, outcome) {
            case (_, .file(let whole)): return whole
            case (.piece(let range), .piece(let piece)): pieces.append((range, piece))
            case (_, .digest(let value)): digest = value
            default: throw .other("internal: an ingest task returned the wrong kind of result")
            }
        }
        var merged = 0, current = 0
        while current < pieces.count - 1 {
            guard !pieces[current].piece.end.betweenRecords else {
                current += 1
                continue
            }
            let range = pieces[current].range.lowerBound..<pieces[current + 1].range.upperBound
            let piece = try reader.readPiece(path: path, range: range, header: header, fileIndex: index,
                                             spill: spill)
            pieces.replaceSubrange(current...(current + 1), with: [(range, piece)])
            merged += 1
        }
        if merged > 0 { rejoined(path, merged) }
        return try reader.assemble(path: path, fileIndex: index, header: header, pieces: pieces.map(\.piece),
                                   sha256: digest)
    }
}

/// One task of the ingest pool: a whole file, one byte range of a file, or a file's SHA-256.
struct IngestTask: Sendable {
    enum Work: Sendable {
        case whole
        case piece(Range<Int>)
        case digest
    }

    var file: Int
    var work: Work

    /// Pieces of every file in input order (a file of one range is read whole, hashing as it
    /// goes), then the digests of the files that were cut.
    static func plan(_ ranges: [[Range<Int>]]) -> [IngestTask] {
        var tasks: [IngestTask] = []
        for (file, pieces) in ranges.enumerated() {
            if pieces.count == 1 {
                tasks.append(IngestTask(file: file, work: .whole))
            } else {
                tasks += pieces.map { IngestTask(file: file, work: .piece($0)) }
            }
        }
        for (file, pieces) in ranges.enumerated() where pieces.count > 1 {
            tasks.append(IngestTask(file: file, work: .digest))
        }
        return tasks
    }
}

/// What an ingest task produced.
enum IngestResult: Sendable {
    case file(IngestedFile)
    case piece(FilePiece)
    case digest(String)
}
