import ArgumentParser
import Pipeline
import SurveyModel

/// `survey-pipeline init`: a first pipeline.json from the exports.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every row of the exports and write a first pipeline.json that validate accepts on them; "
            + "print what was guessed and what to check.")

    @Option(help: "The employee survey export.") var employees: String?
    @Option(help: "The customer survey export.") var customers: String?
    @Option(help: "The config file to write.") var out = "pipeline.json"
    @Flag(help: "Replace --out if it exists.") var force = false

    func validate() throws {
        if employees == nil && customers == nil { throw ValidationError("give --employees FILE, --customers FILE or both") }
    }

    func run() throws {
        try SurveyPipelineCommand.guarded { () throws(PipelineError) in
            for line in try Initializer.run(employees: employees, customers: customers, out: out, force: force) {
                print(line)
            }
        }
    }
}
