import Export
import Foundation
import Ingest
import Normalize
import RowStorage
import SurveyModel

/// `validate` (SPEC §8): runs everything `run` does up to scoring — config, inputs, ingest,
/// duplicates, the quality gate — writes nothing, and predicts the exit status `run` would give.
public enum Validator {
    /// Examples kept per reject reason and file.
    public static let examplesPerReason = 3

    public static func check(_ options: RunOptions) -> ValidationReport {
        var report = ValidationReport()
        do throws(PipelineError) {
            let config = try options.apply(to: ConfigLoader.load(path: options.configPath).config)
            try WorkbookWriter.checkLibrary()
            let files = try InputResolver.resolve(config.inputs)
            try checkInputs(files, config: config, options: options, into: &report)
        } catch {
            report.problems.append(error)
        }
        return report
    }

    /// Headers of every file first (so every file's missing columns are reported), then the
    /// rows, duplicates and the gate exactly as `run` computes them.
    private static func checkInputs(_ files: [InputFile], config: PipelineConfig, options: RunOptions,
                                    into report: inout ValidationReport) throws(PipelineError) {
        var headers: [FileHeader?] = []
        for file in files {
            do throws(PipelineError) {
                headers.append(try SurveyFileReader(config: config, kind: file.kind).readHeader(path: file.path))
                report.inputs.append(InputCheck(path: file.path, kind: file.kind))
            } catch {
                headers.append(nil)
                report.inputs.append(InputCheck(path: file.path, kind: file.kind, problem: error))
                report.problems.append(error)
            }
        }
        guard report.problems.isEmpty else { return }
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Without a spill file the rows stay in memory, as in a run (which also warns).
        let ingested = try InputSetReader.read(files, config: config, jobs: jobs,
                                               spill: try? SpillFile(folder: options.spillFolder))
        let normalized = try NormalizedSurveys(employee: ingested.filter { $0.kind == .employee }.flatMap(\.parts),
                                               customer: ingested.filter { $0.kind == .customer }.flatMap(\.parts),
                                               jobs: jobs)
        let rejects = try RecordFetcher.rejects(ingested,
                                                duplicates: normalized.duplicates.map { ($0.fileIndex, $0.line, $0.offset) })
        let summaries = Runner.summaries(ingested, rejects: rejects)
        let byFile = Dictionary(grouping: rejects, by: \.fileIndex)
        for (index, summary) in summaries.enumerated() {
            report.inputs[index].summary = summary
            if let header = headers[index] {
                report.inputs[index].examples = examples(byFile[index] ?? [], header: header.map,
                                                         form: config.instrument.form(summary.kind), path: summary.path)
            }
        }
        let gate = QualityGate(summaries, limit: config.maxRejectFraction)
        report.gate = gate
        if summaries.allSatisfy({ $0.accepted == 0 }) {
            report.problems.append(.nothingAccepted)
        } else if !gate.holds {
            report.problems.append(gate.failure)
        }
    }

    /// The first `examplesPerReason` rejects of each reason, in line order, with the offending value.
    static func examples(_ rejects: [Reject], header: HeaderMap, form: SurveyForm,
                         path: String) -> [RejectReason: [RejectExample]] {
        var found: [RejectReason: [RejectExample]] = [:]
        for reject in rejects.sorted(by: { $0.line < $1.line })
        where found[reject.reason, default: []].count < examplesPerReason {
            var column = reject.reason == .duplicate ? form.idColumn : reject.column
            if reject.reason == .notAResponse, let field = RowValidator.nonResponseField(header: header, { index in
                index < reject.rawFields.count ? reject.rawFields[index] : ""
            }) {
                column = header.names[field]
            }
            var value: String?
            if reject.reason == .fieldCount {
                value = nil
            } else if let column, let position = position(of: column, header: header, form: form),
                      position < reject.rawFields.count {
                value = reject.rawFields[position]
            }
            found[reject.reason, default: []].append(
                RejectExample(file: path, line: reject.line, column: column, value: value,
                              fields: reject.rawFields.count, expectedFields: header.width))
        }
        return found
    }

    /// Where a reject's column sits in the file: our column names (renamed or not), else a header
    /// name as written (the `encoding` reason names the file's column).
    private static func position(of column: String, header: HeaderMap, form: SurveyForm) -> Int? {
        if column == form.idColumn { return header.id }
        if column == "submitted_at" { return header.submittedAt }
        if column == "area" { return header.area }
        if let item = form.itemIndex(column) { return header.items[item] }
        return header.names.firstIndex(of: column)
    }
}
