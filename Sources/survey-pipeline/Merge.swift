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

    @OptionGroup var publish: PublishOptions

    func validate() throws {
        if partials.isEmpty { throw ValidationError("give at least one partial file") }
    }

    func run() throws {
        var base = RunOptions()
        base.configPath = config
        let options = publish.apply(to: base)
        try SurveyPipelineCommand.guarded(log: options.log) { () throws(PipelineError) in
            publish.printPublished(try ShardRunner.merge(partials, options: options))
        }
    }
}
