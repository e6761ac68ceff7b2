import Foundation
import Ingest
import RowStorage
import SurveyModel

/// `validate`: checks the config, every input file and its header, and reads
/// every row, reporting every problem found (not just the first). Writes nothing.
public enum Validator {
    /// Problems found, one sentence each; empty when the run would start cleanly.
    public static func check(_ options: RunOptions) -> (problems: [PipelineError], report: [String]) {
        let config: PipelineConfig
        do {
            config = try options.apply(to: ConfigLoader.load(path: options.configPath).config)
        } catch {
            return ([error], [])
        }
        var problems: [PipelineError] = []
        var report: [String] = []
        let files: [InputFile]
        do {
            files = try InputResolver.resolve(config.inputs)
        } catch {
            return ([error], [])
        }
        for (index, file) in files.enumerated() {
            do {
                // The accepted rows go to a spill file, as in a run, so a large file is checked in little memory.
                let read = try SurveyFileReader(config: config, kind: file.kind)
                    .read(path: file.path, fileIndex: index, spill: try? SpillFile(folder: options.spillFolder))
                var line = "\(MessageText.quoted(file.path)): \(file.kind.rawValue) survey, \(read.rowsRead) rows, "
                    + "\(read.rejects.count) rejected before duplicate checks"
                if !read.unknownColumns.isEmpty { line += "; unknown columns: \(MessageText.list(read.unknownColumns))" }
                report.append(line)
            } catch {
                problems.append(error)
            }
        }
        return (problems, report)
    }
}
