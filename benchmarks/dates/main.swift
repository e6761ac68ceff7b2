// Micro benchmark of DateParser on 1M cells per suite (not a unit test; run by benchmarks/dates/run).
// Cells are borrowed slices of one buffer, the type the CSV hot path hands the parser.

import SurveyModel

@main
struct DateBenchmark {
    static func main() {
        // An argument picks one suite by number (for `perf stat`), none runs them all.
        let chosen = CommandLine.arguments.dropFirst().first.flatMap { Int($0) }
        for (number, suite) in suites().enumerated() where chosen == nil || chosen == number {
            let cells = 1_000_000
            var buffer: [UInt8] = [], ends: [Int] = []
            for index in 0..<cells {
                buffer += Array(suite.cells[index % suite.cells.count].utf8)
                ends.append(buffer.count)
            }
            var best = Duration.seconds(1000), checksum: Int64 = 0
            buffer.withUnsafeBufferPointer { bytes in
                for _ in 0..<7 {
                    checksum = 0
                    let elapsed = ContinuousClock().measure {
                        var start = 0
                        for end in ends {
                            checksum &+= parse(bytes[start..<end], suite.patterns) ?? -1
                            start = end
                        }
                    }
                    best = min(best, elapsed)
                }
            }
            let (seconds, attoseconds) = best.components
            let nanos = (Double(seconds) * 1e9 + Double(attoseconds) / 1e9) / Double(cells)
            let hundredths = Int((nanos * 100).rounded())
            print("\(suite.name): \(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) ns per date"
                  + " (best of 7 × 1M, checksum \(checksum))")
        }
    }
}
