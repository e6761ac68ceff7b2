/// Every failure a user can act on, grouped by the exit status it maps to (SPEC §8).
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A flag or argument is wrong (exit 2).
    case usage(String)
    /// pipeline.json is wrong; `path` is the key path such as `areas[2].headcount` (exit 2).
    case config(path: String, message: String)
    /// An input file is missing, unreadable, or lacks a required column (exit 3).
    case input(file: String, line: Int?, message: String)
    /// The rejected share is above `max_reject_fraction` (exit 4).
    case qualityGate(rejected: Int, read: Int, limit: Double)
    /// Anything else: I/O on the output folder, a lock held too long (exit 1).
    case other(String)

    public var exitCode: Int32 {
        switch self {
        case .usage, .config: return 2
        case .input: return 3
        case .qualityGate: return 4
        case .other: return 1
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): return "usage: \(message)"
        case .config(let path, let message): return "config error: \(path.isEmpty ? "" : MessageText.quoted(path) + ": ")\(message)"
        case .input(let file, let line, let message):
            return "input error: \(MessageText.quoted(file))\(line.map { ":\($0)" } ?? ""): \(message)"
        case .qualityGate(let rejected, let read, let limit):
            let share = read == 0 ? 0 : Double(rejected) / Double(read)
            return "quality gate failed: \(rejected) of \(read) rows rejected "
                + "(\(formatPercent(share)), limit \(formatPercent(limit))); nothing was published and the "
                + "previous report stands; see <report>.failed.rejects.csv in the output folder"
        case .other(let message): return "error: \(message)"
        }
    }

    /// Every input read, none accepted (exit 3): the run has nothing to score.
    public static let nothingAccepted = PipelineError.input(file: "(all inputs)", line: nil,
                                                            message: "no row was accepted, so there is nothing to score")
}

/// A share as a percentage with one decimal, as the quality-gate messages write it (`5.0%`).
public func formatPercent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
}
