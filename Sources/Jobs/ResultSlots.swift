import Foundation

/// One result slot per task of a parallel loop, each written by the one task that owns it.
///
/// `@unchecked Sendable` is safe: every access to the slots holds the lock, each index is
/// written by the one task that owns it, and the values are read after the loop has returned.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    public var values: [Value?] { lock.withLock { slots } }
}
