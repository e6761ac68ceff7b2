import ArgumentParser
import Foundation
import Pipeline
import SurveyModel

/// The command line: argument parsing only; the work is in the Pipeline library.
@main
struct SurveyPipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey-pipeline",
        abstract: "Turns employee and customer survey exports into readiness scores and an executive workbook.",
        discussion: """
            Exit status: 0 success; 1 anything else; 2 usage or config error; 3 input error \
            (missing or unreadable file, missing column); 4 quality gate failed (rejects and JSON written, \
            workbook not published).
            """,
        version: ToolVersion.current,
        subcommands: [Run.self, Validate.self, Generate.self],
        defaultSubcommand: Run.self)

    /// Parses and runs, with SPEC §8's exit status for usage errors (2, where
    /// ArgumentParser's default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// Runs a command body, turning a `PipelineError` into its message and exit status.
    static func guarded(_ body: () throws(PipelineError) -> Void) throws {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

/// Flags shared by `run` and `validate`; each overrides pipeline.json.
struct ConfigOptions: ParsableArguments {
    @Option(help: "The configuration file.")
    var config = "pipeline.json"

    @Option(parsing: .upToNextOption, help: "Employee survey CSV files or globs (override inputs.employees).")
    var employees: [String] = []

    @Option(parsing: .upToNextOption, help: "Customer survey CSV files or globs (override inputs.customers).")
    var customers: [String] = []

    @Option(help: "CSV delimiter: 'auto', ',', ';', 'tab' or '|' (overrides inputs.delimiter).")
    var delimiter: String?

    func runOptions() -> RunOptions {
        var options = RunOptions()
        options.configPath = config
        options.employees = employees
        options.customers = customers
        options.delimiter = delimiter
        return options
    }
}
