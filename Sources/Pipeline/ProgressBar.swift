import Foundation

/// A one-line progress bar on stderr for long runs, drawn only when stderr is a
/// terminal (never in the nightly job's logs) and at most ten times a second.
///
/// `@unchecked Sendable` is safe: the only mutable state (`done`, `lastDraw`) is
/// read and written under `lock`; ingest workers call `advance` concurrently.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(label: String, total: Int, log: RunLog) {
        self.label = label
        self.total = max(total, 1)
        enabled = isatty(STDERR_FILENO) == 1 && !log.quiet && log.format == .text && total > 8 << 20
    }

    func advance(_ amount: Int) {
        guard enabled else { return }
        lock.withLock {
            done += amount
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int(fraction * 30)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))%".utf8))
        }
    }

    /// Clears the line once the stage is done.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
