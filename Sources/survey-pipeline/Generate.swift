import ArgumentParser
import Pipeline
import SurveyModel
import SyntheticData

/// `survey-pipeline generate`: deterministic synthetic surveys for demos and benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write realistic synthetic employee and customer surveys (same seed, same bytes).")

    @Option(help: "Employee rows.") var employees = 2000
    @Option(help: "Customer rows.") var customers = 5000
    @Option(help: "Waves (quarters).") var waves = 4
    @Option(help: "Areas.") var areas = 6
    @Option(help: "Random seed.") var seed: UInt64 = 1
    /// Not `samples/`: that folder is tracked (scripts/make-samples regenerates it on purpose).
    @Option(help: "Output folder (employees.csv, customers.csv, areas.json).") var out = "generated"
    @Option(help: ArgumentHelp(
        "Comment model: realistic (about a third of rows, 5–40 words each) or phrases "
            + "(30 % of rows, short fixed answers: the model samples/ was made with).",
        valueName: "realistic|phrases")) var comments: CommentModel = .realistic

    func validate() throws {
        guard employees >= 0, customers >= 0 else { throw ValidationError("row counts must not be negative") }
        guard waves >= 1, areas >= 1 else { throw ValidationError("--waves and --areas must be at least 1") }
    }

    func run() throws {
        let spec = GeneratorSpec(employees: employees, customers: customers, waves: waves, areas: areas, seed: seed,
                                  comments: comments)
        try SurveyPipelineCommand.guarded { () throws(PipelineError) in
            for path in try SampleWriter.write(spec, to: out) { print(path) }
        }
    }
}

extension CommentModel: ExpressibleByArgument {}
