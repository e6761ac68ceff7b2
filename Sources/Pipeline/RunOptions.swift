import Foundation
import SurveyModel

/// What one invocation asks for: the config file and the flags that override it.
public struct RunOptions: Sendable {
    public var configPath = "pipeline.json"
    public var employees: [String] = []
    public var customers: [String] = []
    public var wave: String?
    public var outputFolder: String?
    public var reportName: String?
    public var jobs: Int?
    public var delimiter: String?
    /// `--per-area`: one workbook per area as well (sets `output.per_area`).
    public var perArea = false
    /// Seconds to wait for another run's lock on the output folder.
    public var waitSeconds: Double = 0
    public var log = RunLog(format: .text, quiet: false)
    /// Bytes per piece when ingest cuts large files for several jobs; nil picks about two
    /// pieces per job (at least 8 MiB each). Tests set it small to cut tiny files.
    public var pieceBytes: Int?
    /// Where the accepted rows wait between reading and scoring (a nameless spill file, about
    /// 78 bytes per row on the benchmark data: see `ResponseTable+Spill`): `TMPDIR`, else /tmp.
    public var spillFolder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"

    public init() {}

    /// The config with these overrides applied.
    /// Relative paths in the config file are read from the config file's folder.
    func apply(to config: PipelineConfig) throws(PipelineError) -> PipelineConfig {
        var config = config
        let base = (configPath as NSString).deletingLastPathComponent
        func anchored(_ path: String) -> String {
            base.isEmpty || path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        }
        config.inputs.employees = config.inputs.employees.map(anchored)
        config.inputs.customers = config.inputs.customers.map(anchored)
        config.outputFolder = anchored(config.outputFolder)
        if !employees.isEmpty { config.inputs.employees = employees }
        if !customers.isEmpty { config.inputs.customers = customers }
        if let outputFolder { config.outputFolder = outputFolder }
        if let reportName {
            try ConfigLoader.validateReportName(reportName, path: "--report-name")
            config.reportName = reportName
        }
        if perArea { config.output.perArea = true }
        if let delimiter { config.inputs.delimiter = try ConfigLoader.delimiter(delimiter, path: "--delimiter") }
        return config
    }
}
