import ArgumentParser
import Foundation
import Pipeline
import SurveyModel

/// `survey-pipeline validate`: everything `run` does up to scoring; writes nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the config and every input row as run would; print the counts, example rejects and the "
            + "exit status run would give, and exit with it. Writes nothing.")

    @OptionGroup var common: ConfigOptions

    @Option(help: "Report format on stdout, and the error's on stderr: text or json (one object per line).")
    var logFormat: RunLog.Format = .text

    func run() throws {
        let report = Validator.check(common.runOptions())
        print(logFormat == .json ? report.jsonLines() : report.text(), terminator: "")
        guard let first = report.problems.first else { return }
        // The line `run` would end with on stderr.
        if logFormat == .json {
            RunLog(format: .json, quiet: false).log(.error, first.description)
        } else {
            FileHandle.standardError.write(Data((first.description + "\n").utf8))
        }
        throw ExitCode(report.exitCode)
    }
}
