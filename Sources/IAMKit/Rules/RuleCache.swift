import Foundation

/// A dictionary guarded by a lock: the rules' per-process memo of catalog answers. Rules run from
/// several threads (lint runs files on every core, the wizard lints in the background), so plain
/// statics would race. Each key is computed once: a thread asking for a key another thread is
/// computing waits for it (neighbouring files ask for the same patterns at the same moment, and
/// computing twice was wasted work).
final class RuleCache<Value: Sendable, Key: Hashable & Sendable>: @unchecked Sendable {
    private let condition = CacheCondition()
    private var storage: [Key: Value] = [:]
    private var pending: Set<Key> = []

    /// The cached value for `key`, computing and storing it on a miss.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        condition.lock()
        while true {
            if let hit = storage[key] { condition.unlock(); return hit }
            if !pending.contains(key) { break }
            // Idle work (a catalog block) rather than an idle wait; see `IdleWork`.
            condition.unlock()
            let helped = IdleWork.run()
            condition.lock()
            if !helped && storage[key] == nil && pending.contains(key) { condition.wait() }
        }
        pending.insert(key)
        condition.unlock()
        let v = make()
        condition.lock()
        storage[key] = v
        pending.remove(key)
        condition.broadcast()
        condition.unlock()
        return v
    }
}
