import Export
import Foundation
import Ingest
import Normalize
import RowStorage
import Score
import SurveyModel

/// What a finished run produced.
public struct RunOutcome: Sendable {
    public var jsonPath: String
    public var rejectsPath: String
    /// Nil when the quality gate held the workbook back.
    public var workbookPath: String?
    /// Nil when the quality gate held the set back.
    public var commentsPath: String?
    /// The per-area workbooks published (`output.per_area`), in config order; empty without.
    public var areaWorkbookPaths: [String] = []
    /// Rows read and rejected as the quality gate counts them (without `not_a_response` rows).
    public var rowsRead: Int
    public var rejected: Int

    /// Every file published, in the order the commands print them; empty when the gate failed.
    public var publishedPaths: [String] {
        guard let workbookPath else { return [] }
        return [workbookPath, jsonPath, rejectsPath] + (commentsPath.map { [$0] } ?? []) + areaWorkbookPaths
    }
}

/// What every command that scores needs before it reads a row: the config with the
/// command's overrides, its digest, and the worker count.
struct RunSetup {
    var config: PipelineConfig
    /// SHA-256 (hex) of the config file's bytes: the JSON's `config_sha256`.
    var configSHA256: String
    var jobs: Int

    init(_ options: RunOptions) throws(PipelineError) {
        let loaded = try ConfigLoader.load(path: options.configPath)
        config = try options.apply(to: loaded.config)
        configSHA256 = FileDigest.sha256(bytes: loaded.bytes)
        try WorkbookWriter.checkLibrary()
        jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let unplayed = config.scoring.roles.unplayed(in: config.instrument)
        if !unplayed.isEmpty {
            options.log.log(.warning, "no construct plays the roles \(unplayed.map(\.rawValue).joined(separator: ", ")) "
                            + "(scoring.roles): the figures that need them are null")
        }
    }
}

/// Wires the stages together: ingest → normalize → score → export, then publishes
/// the outputs atomically under a lock on the output folder (SPEC §2, §8). `ShardRunner`
/// runs the same two halves apart: `ingest` in each shard, `finish` in the merge.
public enum Runner {
    public static func run(_ options: RunOptions) throws(PipelineError) -> RunOutcome {
        var clock = StageClock()
        let setup = try RunSetup(options)
        let files = try InputResolver.resolve(setup.config.inputs)
        let spill = IngestStage.openSpill(options.spillFolder, log: options.log)
        let ingested = try ingest(files, setup: setup, options: options, spill: spill, clock: &clock)
        return try finish(ingested, setup: setup, options: options, spill: spill, clock: &clock)
    }

    /// Reads every input (the ingest stage) and logs what it found.
    static func ingest(_ files: [InputFile], setup: RunSetup, options: RunOptions, spill: SpillFile?,
                       clock: inout StageClock) throws(PipelineError) -> [IngestedFile] {
        let log = options.log, config = setup.config
        log.log(.info, "reading \(files.count) input files",
                [("files", MessageText.list(files.map(\.path), separator: " "))])
        let ingested = try IngestStage.run(files, config: config, jobs: setup.jobs, spill: spill,
                                           pieceBytes: options.pieceBytes, log: log)
        let read = ingested.reduce(0) { $0 + $1.rowsRead }, early = ingested.reduce(0) { $0 + $1.rejects.count }
        let spilled = ingested.flatMap(\.parts).reduce(0) { $0 + $1.spilledBytes }
        log.log(.info, "ingest done", [("stage", "ingest"), ("files", String(files.count)), ("rows_read", String(read)),
                                       ("rejected", String(early)),
                                       ("spill_mb", String(Int((Double(spilled) / 1e6).rounded())))]
                    + clock.finish("ingest"))
        for (file, input) in zip(ingested, files) where config.inputs.formats[input.kind] == .auto {
            let rows = file.layout.headerRows
            log.log(.info, "\(MessageText.quoted(file.path)): read as \(file.layout.format.rawValue) (inputs.format auto), "
                    + "\(rows) header row\(rows == 1 ? "" : "s")", [("format", file.layout.format.rawValue)])
        }
        for file in ingested where !file.unknownColumns.isEmpty {
            log.log(.warning, "\(MessageText.quoted(file.path)): unknown columns ignored",
                    [("columns", MessageText.list(file.unknownColumns))])
        }
        for file in ingested {
            let rejected = file.rejects.reduce(0) { $0 + ($1.reason == .encoding ? 1 : 0) }
            if let hint = InputSummary.encodingHint(encoding: file.encoding.rawValue, rejected: rejected) {
                log.log(.warning, "\(MessageText.quoted(file.path)): \(hint)")
            }
        }
        return ingested
    }

    /// Everything after ingest: duplicates, scores, export and the publish (the files in run order).
    /// Once scored, the rows in `spill` are not read again: its space is freed while the outputs are
    /// written.
    static func finish(_ ingested: [IngestedFile], setup: RunSetup, options: RunOptions, spill: SpillFile?,
                       clock: inout StageClock) throws(PipelineError) -> RunOutcome {
        let log = options.log, config = setup.config, jobs = setup.jobs
        let normalized = try NormalizedSurveys(employee: ingested.filter { $0.kind == .employee }.flatMap(\.parts),
                                               customer: ingested.filter { $0.kind == .customer }.flatMap(\.parts),
                                               jobs: jobs)
        let rejects = try RecordFetcher.rejects(ingested,
                                                duplicates: normalized.duplicates.map { ($0.fileIndex, $0.line, $0.offset) })
        log.log(.info, "normalize done", [("stage", "normalize"), ("duplicates", String(normalized.duplicates.count))]
                                          + clock.finish("normalize"))
        let report = try ReportBuilder.build(employee: normalized.employee, customer: normalized.customer,
                                             config: config, wave: options.wave, jobs: jobs)
        let discarded = DispatchGroup()
        if let spill { DispatchQueue.global().async(group: discarded) { spill.discard() } }
        defer { discarded.wait() }
        log.log(.info, "score done", [("stage", "score"), ("wave", report.wave), ("jobs", String(jobs))]
                                      + clock.finish("score"))
        let metadata = RunMetadata(
            reportName: config.reportName(wave: report.wave),
            inputs: summaries(ingested, rejects: rejects),
            configSHA256: setup.configSHA256,
            toolVersion: ToolVersion.current,
            dataWindow: report.submitted.map {
                (CivilCalendar.day(fromSeconds: $0.lowerBound), CivilCalendar.day(fromSeconds: $0.upperBound))
            })
        let outcome = try Publisher(config: config, metadata: metadata, wait: options.waitSeconds, jobs: jobs)
            .publish(report: report, rejects: rejects, files: ingested.map(\.path), log: log)
        log.log(.info, "export done", [("stage", "export")] + clock.finish("export"))
        // The JSON's input counts (the gate's share, in RunOutcome, leaves the previews out).
        let inputs = metadata.inputs
        log.log(.info, "run finished", [("wave", report.wave),
                                        ("rows_read", String(inputs.reduce(0) { $0 + $1.rowsRead })),
                                        ("rejected", String(inputs.reduce(0) { $0 + $1.rejected })),
                                        ("not_a_response", String(inputs.reduce(0) {
                                            $0 + ($1.rejectedByReason[.notAResponse] ?? 0) }))] + clock.fields)
        if outcome.workbookPath == nil {
            throw QualityGate(metadata.inputs, limit: config.maxRejectFraction).failure
        }
        return outcome
    }

    static func summaries(_ files: [IngestedFile], rejects: [Reject]) -> [InputSummary] {
        files.map { file in
            let mine = rejects.filter { $0.fileIndex == file.fileIndex }
            let byReason = Dictionary(grouping: mine, by: \.reason).mapValues(\.count)
            return InputSummary(path: file.path, kind: file.kind, sha256: file.sha256, rowsRead: file.rowsRead,
                                accepted: file.rowsRead - mine.count, rejectedByReason: byReason,
                                unknownColumns: file.unknownColumns, format: file.layout.format,
                                headerRows: file.layout.headerRows, encoding: file.encoding.rawValue)
        }
    }
}
