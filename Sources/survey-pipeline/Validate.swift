import ArgumentParser
import Foundation
import Pipeline
import SurveyModel

/// `survey-pipeline validate`: check config, files and headers; write nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the config, the input files and their headers; write nothing.")

    @OptionGroup var common: ConfigOptions

    func run() throws {
        let result = Validator.check(common.runOptions())
        for line in result.report { print(line) }
        for problem in result.problems {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
        }
        if let worst = result.problems.map(\.exitCode).min() {
            throw ExitCode(worst)
        }
        print("ok")
    }
}
