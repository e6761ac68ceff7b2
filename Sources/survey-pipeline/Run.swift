import ArgumentParser
import Pipeline
import SurveyModel

/// `survey-pipeline run`: the main job.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score the surveys and publish the report.")

    @OptionGroup var common: ConfigOptions

    @Option(help: "Report wave, e.g. 2026-Q3 (default: the latest wave in the data).")
    var wave: String?

    @Option(help: "Output folder (overrides output.folder).")
    var out: String?

    @Option(help: "Report name; {wave} is replaced by the wave (overrides output.report_name).")
    var reportName: String?

    @Option(help: "Worker threads for ingest and scoring (default: all cores).")
    var jobs: Int?

    @Option(help: "Seconds to wait for another run that holds the output folder.")
    var wait: Double = 0

    @Option(help: "Log format on stderr: text or json.")
    var logFormat: RunLog.Format = .text

    @Flag(help: "Also one workbook per area, <report>.<area slug>.xlsx (sets output.per_area).")
    var perArea = false

    @Flag(help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if wait < 0 { throw ValidationError("--wait must not be negative") }
    }

    func run() throws {
        var options = common.runOptions()
        options.wave = wave
        options.outputFolder = out
        options.reportName = reportName
        options.jobs = jobs
        options.perArea = perArea
        options.waitSeconds = wait
        options.log = RunLog(format: logFormat, quiet: quiet)
        try SurveyPipelineCommand.guarded(log: options.log) { () throws(PipelineError) in
            let outcome = try Runner.run(options)
            if !quiet, let workbook = outcome.workbookPath {
                print(([workbook, outcome.jsonPath, outcome.rejectsPath] + outcome.areaWorkbookPaths)
                    .joined(separator: "\n"))
            }
        }
    }
}

extension RunLog.Format: ExpressibleByArgument {}
