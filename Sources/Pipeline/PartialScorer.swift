import Foundation
import Ingest
import RowStorage
import Score
import Shards
import SurveyModel

/// What `score --partial` wrote.
public struct PartialOutcome: Sendable {
    public var path: String
    public var inputs: Int
    public var rowsRead: Int
    public var accepted: Int
    public var bytes: Int
}

/// One shard of a run (SPEC §6.1, docs/SHARDS.md): `score --partial OUT` ingests the
/// shard's files as `run` would and writes its partial file; `merge` rebuilds the run
/// from several. The partial's sums are over every accepted row before duplicates are
/// resolved (the merge resolves them across all shards).
public enum ShardRunner {
    /// Ingests the inputs `options` names and writes the partial file to `path`, atomically
    /// (a temporary name in the same folder, then a rename).
    public static func writePartial(_ options: RunOptions, to path: String) throws(PipelineError) -> PartialOutcome {
        var clock = StageClock()
        let setup = try RunSetup(options)
        let files = try InputResolver.resolve(setup.config.inputs)
        let spill = IngestStage.openSpill(options.spillFolder, log: options.log)
        let ingested = try Runner.ingest(files, setup: setup, options: options, spill: spill, clock: &clock)
        let aggregates = try SurveyKind.allCases.map { kind throws(PipelineError) in
            try aggregate(ingested.filter { $0.kind == kind }.flatMap(\.parts), kind: kind, config: setup.config,
                          jobs: setup.jobs)
        }
        let header = PartialHeader(toolVersion: ToolVersion.current, configSHA256: setup.configSHA256,
                                   inputs: ingested.map(partialInput))
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(OutputNames.temporary(url.lastPathComponent, id: OutputNames.newID())).path
        do {
            try PartialWriter(path: temporary).write(header: header, rows: ingested.map(\.parts), aggregates: aggregates)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .other("cannot write \(MessageText.quoted(path)): \(reason)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let outcome = PartialOutcome(path: path, inputs: ingested.count,
                                     rowsRead: ingested.reduce(0) { $0 + $1.rowsRead },
                                     accepted: header.inputs.reduce(0) { $0 + $1.rowCount }, bytes: bytes)
        options.log.log(.info, "partial written", [("stage", "partial"), ("partial", path),
                                                   ("rows_read", String(outcome.rowsRead)),
                                                   ("accepted", String(outcome.accepted)),
                                                   ("partial_mb", String(Int((Double(bytes) / 1e6).rounded())))]
                        + clock.finish("partial"))
        return outcome
    }

    /// The scoring core's totals over every row of `parts` (none excluded), per wave present.
    static func aggregate(_ parts: [RowStore], kind: SurveyKind, config: PipelineConfig,
                          jobs: Int) throws(PipelineError) -> PartialAggregate {
        let layout = AggregateLayout(instrument: config.instrument, kind: kind,
                                     minAnsweredFraction: config.scoring.minAnsweredFraction,
                                     roles: config.scoring.roles)
        let rows = SurveyRows(kind: kind, parts: parts, excluded: Array(repeating: nil, count: parts.count))
        let waves = rows.waves
        let totals = try ScoringCore.aggregate(rows, layout: layout, waves: waves, areaCount: config.areas.count,
                                               jobs: jobs)
        return PartialAggregate(kind: kind, width: layout.width, areaCount: config.areas.count, waves: waves,
                                totals: totals.totals)
    }

    private static func partialInput(_ file: IngestedFile) -> PartialInput {
        PartialInput(path: file.path, kind: file.kind, format: file.layout.format, headerRows: file.layout.headerRows,
                     encoding: file.encoding.rawValue, delimiter: file.delimiter, sha256: file.sha256,
                     rowsRead: file.rowsRead, unknownColumns: file.unknownColumns, rejects: file.rejects,
                     rowCount: file.parts.reduce(0) { $0 + $1.count })
    }
}
