import ArgumentParser
import Pipeline

/// Flags shared by the commands that publish a report (`run`, `merge`); each overrides pipeline.json.
struct PublishOptions: ParsableArguments {
    @Option(help: "Report wave, e.g. 2026-Q3 (default: the latest wave in the data).")
    var wave: String?

    @Option(help: "Output folder (overrides output.folder).")
    var out: String?

    @Option(help: "Report name; {wave} is replaced by the wave (overrides output.report_name).")
    var reportName: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: "Seconds to wait for another run that holds the output folder.")
    var wait: Double = 0

    @Option(help: "Log format on stderr: text or json.")
    var logFormat: RunLog.Format = .text

    @Flag(help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if wait < 0 { throw ValidationError("--wait must not be negative") }
    }

    /// `options` with these flags applied.
    func apply(to options: RunOptions) -> RunOptions {
        var options = options
        options.wave = wave
        options.outputFolder = out
        options.reportName = reportName
        options.jobs = jobs
        options.waitSeconds = wait
        options.log = RunLog(format: logFormat, quiet: quiet)
        return options
    }

    /// The published paths on stdout, one per line (nothing with `--quiet` or when the gate failed).
    func printPublished(_ outcome: RunOutcome) {
        if !quiet && !outcome.publishedPaths.isEmpty { print(outcome.publishedPaths.joined(separator: "\n")) }
    }
}
