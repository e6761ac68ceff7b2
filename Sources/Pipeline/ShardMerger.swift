import CSVParser
import Foundation
import Ingest
import Jobs
import RowStorage
import Shards
import SurveyModel

extension ShardRunner {
    /// Rebuilds what one run over all the shards' files would hold after ingest (employee
    /// files of every shard in shard order, then customer files), checks each shard's rows
    /// against its sums, then resolves duplicates, scores and publishes as `run` does.
    /// - Throws: `PipelineError.input` for a missing or damaged partial, or one written by
    ///   another tool version or over another config.
    public static func merge(_ paths: [String], options: RunOptions) throws(PipelineError) -> RunOutcome {
        var clock = StageClock()
        let setup = try RunSetup(options)
        guard !paths.isEmpty else { throw .usage("merge needs at least one partial file") }
        options.log.log(.info, "reading \(paths.count) partial files",
                        [("partials", MessageText.list(paths, separator: " "))])
        let readers = try paths.map { path throws(PipelineError) in try PartialFileReader(path: path) }
        for reader in readers { try check(reader, setup: setup, configPath: options.configPath) }
        let places = try order(readers.map(\.header))
        let spill = IngestStage.openSpill(options.spillFolder, log: options.log)
        // The partials are rebuilt in parallel, each by one worker, opened again there (a reader
        // is not shared between threads) and checked to hold the header read above.
        let headers = readers.map(\.header)
        let slots = ResultSlots<Result<[(Int, IngestedFile)], PipelineError>>(count: paths.count)
        let workers = TaskPool.workers(jobs: setup.jobs, tasks: paths.count)
        TaskPool.run(jobs: workers, tasks: paths.count) { _, shard in
            slots.set(shard, Result { () throws(PipelineError) in
                let reader = try PartialFileReader(path: paths[shard])
                guard reader.header == headers[shard] else {
                    throw .input(file: paths[shard], line: nil, message: "the file changed while the merge read it")
                }
                return try rebuild(reader, shard: shard, places: places, setup: setup, spill: spill,
                                   jobs: workers > 1 ? 1 : setup.jobs)
            })
        }
        var files = [IngestedFile?](repeating: nil, count: places.count)
        for case let result? in slots.values {
            for (index, file) in try result.get() { files[index] = file }
        }
        let ingested = files.compactMap { $0 }
        options.log.log(.info, "partials read", [("stage", "ingest"), ("files", String(ingested.count)),
                                                ("rows_read", String(ingested.reduce(0) { $0 + $1.rowsRead })),
                                                ("rejected", String(ingested.reduce(0) { $0 + $1.rejects.count }))]
                        + clock.finish("ingest"))
        return try Runner.finish(ingested, setup: setup, options: options, spill: spill, clock: &clock)
    }

    private static func check(_ reader: PartialFileReader, setup: RunSetup, configPath: String) throws(PipelineError) {
        let header = reader.header
        guard header.toolVersion == ToolVersion.current else {
            throw .input(file: reader.path, line: nil,
                         message: "written by \(MessageText.quoted(header.toolVersion)); this is "
                         + "\(MessageText.quoted(ToolVersion.current)): score the shard again with this tool")
        }
        guard header.configSHA256 == setup.configSHA256 else {
            throw .input(file: reader.path, line: nil,
                         message: "written over a config with SHA-256 \(header.configSHA256); "
                         + "\(MessageText.quoted(configPath)) has SHA-256 \(setup.configSHA256): merge with the "
                         + "config the shards were scored with")
        }
    }

    /// Each input's place in the merged run, `places[shard]` keyed by the input's index in its shard.
    private static func order(_ headers: [PartialHeader]) throws(PipelineError) -> [(shard: Int, input: Int)] {
        var places: [(shard: Int, input: Int)] = []
        for kind in SurveyKind.allCases {
            for (shard, header) in headers.enumerated() {
                for (input, file) in header.inputs.enumerated() where file.kind == kind { places.append((shard, input)) }
            }
        }
        guard places.count <= InputResolver.maxFiles else {
            throw .usage("the partials hold \(places.count) input files; one run takes at most \(InputResolver.maxFiles)")
        }
        return places
    }

    /// One shard's inputs as ingest would have left them, keyed by their place in the run,
    /// after checking that their rows reproduce the shard's sums.
    private static func rebuild(_ reader: PartialFileReader, shard: Int, places: [(shard: Int, input: Int)],
                                setup: RunSetup, spill: SpillFile?, jobs: Int) throws(PipelineError)
        -> [(Int, IngestedFile)] {
        let config = setup.config
        let inputs = reader.header.inputs
        var place: [Int: Int] = [:]
        for (index, entry) in places.enumerated() where entry.shard == shard { place[entry.input] = index }
        var writers = inputs.map { input in
            let form = config.instrument.form(input.kind)
            return RowStoreWriter(kind: input.kind, itemCount: form.items.count, breakdownCount: form.breakdowns.count,
                                  spill: spill)
        }
        let shapes = SurveyKind.allCases.map { kind in
            let form = config.instrument.form(kind)
            return RowShape(itemCount: form.items.count, maxCodes: form.items.map(\.scale.maxCode),
                            breakdownCount: form.breakdowns.count, areaCount: config.areas.count)
        }
        let aggregates = try reader.readRows(shapes: { shapes[$0 == .employee ? 0 : 1] }) { index, table throws(PipelineError) in
            var rows = table
            rows.file = Array(repeating: UInt16(truncatingIfNeeded: place[index] ?? 0), count: rows.count)
            var start = 0
            while start < rows.count {
                let take = min(rows.count - start, RowStore.chunkRows - writers[index].current.count)
                writers[index].current.append(contentsOf: take == rows.count ? rows : rows.slice(start..<(start + take)))
                try writers[index].rowAdded()
                start += take
            }
        }
        var stores: [RowStore] = []
        for index in writers.indices { stores.append(try writers[index].finish()) }
        for kind in SurveyKind.allCases {
            let mine = inputs.indices.filter { inputs[$0].kind == kind }.map { stores[$0] }
            let expected = try aggregate(mine, kind: kind, config: config, jobs: jobs)
            guard aggregates.contains(expected) else {
                throw .input(file: reader.path, line: nil,
                             message: "its \(kind.rawValue) rows do not add up to its stored sums (the file is damaged "
                             + "or was written by a different build): score the shard again")
            }
        }
        return try inputs.indices.map { index throws(PipelineError) in
            let input = inputs[index]
            guard let encoding = SourceEncoding(rawValue: input.encoding) else {
                throw .input(file: reader.path, line: nil,
                             message: "input \(MessageText.quoted(input.path)) has the unknown encoding "
                             + MessageText.quoted(input.encoding))
            }
            let global = place[index] ?? 0
            return (global, IngestedFile(
                path: input.path, fileIndex: global, kind: input.kind, sha256: input.sha256, rowsRead: input.rowsRead,
                parts: [stores[index]],
                rejects: input.rejects.map { Reject(fileIndex: global, line: $0.line, reason: $0.reason,
                                                    column: $0.column, rawFields: $0.rawFields) },
                unknownColumns: input.unknownColumns,
                layout: HeaderLayout(format: input.format, headerRows: input.headerRows, names: [], texts: []),
                encoding: encoding, delimiter: input.delimiter))
        }
    }
}
