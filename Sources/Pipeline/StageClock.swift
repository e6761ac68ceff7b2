import Dispatch

/// Wall time per stage, logged at the end of a run so a slow night can be explained.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    /// Ends a stage and returns its log field (`ingest_s`, "0.123").
    @discardableResult
    mutating func finish(_ name: String) -> (String, String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - started) / 1e9))
        started = now
        return ("seconds", format3(stages[stages.count - 1].seconds))
    }

    var fields: [(String, String)] {
        stages.map { ("\($0.name)_s", format3($0.seconds)) }
    }
}

private func format3(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
