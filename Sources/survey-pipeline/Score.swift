import ArgumentParser
import Pipeline
import SurveyModel

/// `survey-pipeline score --partial OUT`: one shard's ingest and partial sums, for `merge`.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read one shard's input files and write its partial file for merge (docs/SHARDS.md).")

    @OptionGroup var common: ConfigOptions

    @Option(help: "The partial file to write.")
    var partial: String

    @Option(help: "Worker threads for ingest and scoring (default: all cores).")
    var jobs: Int?

    @Option(help: "Log format on stderr: text or json.")
    var logFormat: RunLog.Format = .text

    @Flag(help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = common.runOptions()
        options.jobs = jobs
        options.log = RunLog(format: logFormat, quiet: quiet)
        try SurveyPipelineCommand.guarded(log: options.log) { () throws(PipelineError) in
            let outcome = try ShardRunner.writePartial(options, to: partial)
            if !quiet { print(outcome.path) }
        }
    }
}
