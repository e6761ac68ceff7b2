import ArgumentParser
import Pipeline
import SurveyModel

/// `survey-pipeline run`: the main job.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score the surveys and publish the report.")

    @OptionGroup var common: ConfigOptions

    @OptionGroup var publish: PublishOptions

    @Flag(help: "Also one workbook per area, <report>.<area slug>.xlsx (sets output.per_area).")
    var perArea = false

    func run() throws {
        var options = publish.apply(to: common.runOptions())
        options.perArea = perArea
        try SurveyPipelineCommand.guarded(log: options.log) { () throws(PipelineError) in
            publish.printPublished(try Runner.run(options))
        }
    }
}

extension RunLog.Format: ExpressibleByArgument {}
