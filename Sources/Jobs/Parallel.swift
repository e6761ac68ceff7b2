import Dispatch

/// Two independent computations at once when more than one job is allowed
/// (duplicates of both surveys; comments and NPS breakdowns). Each result goes
/// to its own slot, so the outcome does not depend on which finishes first.
public enum Parallel {
    public static func pair<A: Sendable, B: Sendable>(jobs: Int, _ first: @Sendable () -> A,
                                                      _ second: @Sendable () -> B) -> (A, B) {
        guard jobs > 1 else { return (first(), second()) }
        let slots = PairSlots<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { slots.first = first() } else { slots.second = second() }
        }
        guard let a = slots.first, let b = slots.second else { return (first(), second()) }
        return (a, b)
    }
}

/// The two results of `Parallel.pair`.
///
/// `@unchecked Sendable` is safe: each slot is written by exactly one of the two
/// iterations of `concurrentPerform` and read only after it has returned.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
