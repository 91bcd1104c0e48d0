import Dispatch
import Foundation

/// `(0..<count).map(body)` spread over all cores, results in index order.
///
/// `lint` of the 1,485-policy corpus is a few thousand independent parse-and-check jobs; on two cores
/// this nearly halves the wall time.
enum ParallelMap {
    static func run<T: Sendable>(count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
        return slots.values
    }

    /// `(0..<count).forEach(body)` spread over all cores, in no particular order; for work that hands
    /// its results on itself (`lint`'s streamed report).
    static func forEach(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { (0..<count).forEach(body); return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// Result storage written from many threads; each index is written once, under the lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: T) { lock.lock(); items[i] = v; lock.unlock() }
        var values: [T] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
    }
}
