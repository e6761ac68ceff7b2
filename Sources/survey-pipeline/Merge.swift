import ArgumentParser
import Pipeline
import SurveyModel

/// `survey-pipeline merge PARTIAL… --out DIR`: the report of one run over all the shards' files.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge shards' partial files and publish the report one run over all their files would.")

    @Argument(help: "Partial files written by score --partial, in shard order.")
    var partials: [String]

    @Option(help: "The configuration file the shards were scored with.")
    var config = "pipeline.json"

    @Option(help: "Report wave, e.g. 2026-Q3 (default: the latest wave in the data).")
    var wave: String?

    @Option(help: "Output folder (overrides output.folder).")
    var out: String?

    @Option(help: "Report name; {wave} is replaced by the wave (overrides output.report_name).")
    var reportName: String?

    @Option(help: "Worker threads for scoring (default: all cores).")
    var jobs: Int?

    @Option(help: "Seconds to wait for another run that holds the output folder.")
    var wait: Double = 0

    @Option(help: "Log format on stderr: text or json.")
    var logFormat: RunLog.Format = .text

    @Flag(help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        if partials.isEmpty { throw ValidationError("give at least one partial file") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if wait < 0 { throw ValidationError("--wait must not be negative") }
    }

    func run() throws {
        var options = RunOptions()
        options.configPath = config
        options.wave = wave
        options.outputFolder = out
        options.reportName = reportName
        options.jobs = jobs
        options.waitSeconds = wait
        options.log = RunLog(format: logFormat, quiet: quiet)
        try SurveyPipelineCommand.guarded(log: options.log) { () throws(PipelineError) in
            let outcome = try ShardRunner.merge(partials, options: options)
            if !quiet, let workbook = outcome.workbookPath {
                print("\(workbook)\n\(outcome.jsonPath)\n\(outcome.rejectsPath)")
            }
        }
    }
}
