import Dispatch
import Foundation

/// Wall time per stage and the peak memory so far, logged at the end of every
/// stage and of the run, so a slow or memory-hungry night can be explained.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    /// Ends a stage and returns its log fields: `seconds` and `peak_rss_mb`.
    @discardableResult
    mutating func finish(_ name: String) -> [(String, String)] {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - started) / 1e9))
        started = now
        return [("seconds", format3(stages[stages.count - 1].seconds)), Self.peakMemoryField]
    }

    /// Every stage's `<name>_s` and the run's `peak_rss_mb`.
    var fields: [(String, String)] {
        stages.map { ("\($0.name)_s", format3($0.seconds)) } + [Self.peakMemoryField]
    }

    /// The process's peak resident set size so far, in MB (10⁶ bytes), as `time -v` reports it.
    static var peakMemoryField: (String, String) {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return ("peak_rss_mb", "unknown") }
        return ("peak_rss_mb", String(Int((Double(usage.ru_maxrss) * 1024 / 1e6).rounded())))
    }
}

private func format3(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
