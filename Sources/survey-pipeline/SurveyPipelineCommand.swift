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
        subcommands: [Run.self, Validate.self, Init.self, Generate.self, Score.self, Merge.self],
        defaultSubcommand: Run.self)

    /// Parses and runs, with SPEC §8's exit status for usage errors (2, where
    /// ArgumentParser's default would be 64). With `--log-format json` a usage error is
    /// one JSON line too.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || (jsonLogRequested && code != .success && !(error is ExitCode)) {
                if jsonLogRequested {
                    RunLog(format: .json, quiet: true).fail(.usage(message(for: error)))
                } else {
                    FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                }
                Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
            }
            exit(withError: error)
        }
    }

    /// `--log-format json` (or `--log-format=json`) among the arguments, read before parsing
    /// so that even an argument error is logged as JSON.
    static var jsonLogRequested: Bool {
        let arguments = CommandLine.arguments
        return arguments.contains("--log-format=json")
            || zip(arguments, arguments.dropFirst()).contains { $0 == "--log-format" && $1 == "json" }
    }

    /// Runs a command body, turning a `PipelineError` into its message (through `log`, so
    /// in the log's format) and exit status.
    static func guarded(log: RunLog = RunLog(format: .text, quiet: false),
                        _ body: () throws(PipelineError) -> Void) throws {
        do {
            try body()
        } catch {
            log.fail(error)
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
