import Foundation
import Ingest
import SurveyModel

/// Reads every input file and returns them in input order. With more than one job,
/// large files are cut into byte ranges (`PiecePlanner`) so that both cores parse
/// even when one export is much larger than the others; every piece and every
/// file's SHA-256 is a task of one dynamically scheduled pool. The accepted rows
/// of every piece go to one spill file in `spillFolder` (one descriptor, however
/// many input files a glob finds).
enum IngestStage {
    /// Pieces are at least this large: below it the per-piece costs (a parser, a
    /// chunk buffer, a partly filled last chunk) outweigh the balance.
    static let minimumPieceBytes = 8 << 20

    /// - Parameter pieceBytes: the size to cut files at; nil chooses about two pieces per job.
    static func run(_ files: [InputFile], config: PipelineConfig, jobs: Int, spillFolder: String,
                    pieceBytes: Int? = nil, log: RunLog) throws(PipelineError) -> [IngestedFile] {
        let sizes = files.map { file in
            (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        }
        let progress = ProgressBar(label: "reading", total: sizes.reduce(0, +), log: log)
        defer { progress.finish() }
        let readers = files.map { SurveyFileReader(config: config, kind: $0.kind) }
        let spill = openSpill(spillFolder, log: log)
        guard jobs > 1 else {
            return try files.indices.map { index throws(PipelineError) in
                try readers[index].read(path: files[index].path, fileIndex: index,
                                        spill: spill, progress: progress.advance)
            }
        }
        // Headers first, in input order, so a broken file is reported as before.
        let headers = try files.indices.map { index throws(PipelineError) in
            try readers[index].readHeader(path: files[index].path)
        }
        let dataBytes = files.indices.map { max(0, sizes[$0] - headers[$0].dataStart) }
        let target = pieceBytes ?? max(minimumPieceBytes, dataBytes.reduce(0, +) / (jobs * 2))
        let ranges = try files.indices.map { index throws(PipelineError) in
            try PiecePlanner.ranges(path: files[index].path,
                                    data: headers[index].dataStart..<(headers[index].dataStart + dataBytes[index]),
                                    pieces: max(1, (dataBytes[index] + target / 2) / max(target, 1)))
        }
        let tasks = IngestTask.plan(ranges)
        let results = ResultSlots<Result<IngestResult, PipelineError>>(count: tasks.count)
        TaskPool.run(jobs: jobs, tasks: tasks.count) { _, number in
            let task = tasks[number], file = files[task.file], reader = readers[task.file]
            results.set(number, Result { () throws(PipelineError) -> IngestResult in
                switch task.work {
                case .whole:
                    return .file(try reader.read(path: file.path, fileIndex: task.file,
                                                 spill: spill,
                                                 progress: progress.advance))
                case .piece(let range):
                    return .piece(try reader.readPiece(path: file.path, range: range, header: headers[task.file],
                                                       fileIndex: task.file, spill: spill,
                                                       onBytes: { progress.advance($0.count) }))
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
            try assemble(index, files: files, tasks: tasks, outcomes: outcomes, reader: readers[index],
                         header: headers[index], spill: spill, log: log)
        }
    }

    /// The run's spill file; when the folder does not take one, a warning and nil: the rows
    /// then stay in memory, so the night's report still comes out (using more memory).
    static func openSpill(_ folder: String, log: RunLog) -> SpillFile? {
        do {
            return try SpillFile(folder: folder)
        } catch {
            let reason: String
            if case .other(let message) = error { reason = message } else { reason = error.description }
            log.log(.warning, "\(reason); keeping the rows in memory instead")
            return nil
        }
    }

    /// File `index` from its task results. Where a cut fell inside a record (a line feed in a
    /// quoted field), the piece before it and the piece after it are read again as one.
    private static func assemble(_ index: Int, files: [InputFile], tasks: [IngestTask], outcomes: [IngestResult],
                                 reader: SurveyFileReader, header: FileHeader, spill: SpillFile?,
                                 log: RunLog) throws(PipelineError) -> IngestedFile {
        var pieces: [(range: Range<Int>, piece: FilePiece)] = [], digest = ""
        for (task, outcome) in zip(tasks, outcomes) where task.file == index {
            switch (task.work, outcome) {
            case (_, .file(let whole)): return whole
            case (.piece(let range), .piece(let piece)): pieces.append((range, piece))
            case (_, .digest(let value)): digest = value
            default: throw .other("internal: an ingest task returned the wrong kind of result")
            }
        }
        let path = files[index].path
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
        if merged > 0 {
            log.log(.info, "\(MessageText.quoted(path)): \(merged) cuts fell inside quoted fields; those pieces were read again joined")
        }
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
