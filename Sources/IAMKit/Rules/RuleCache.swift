import Foundation

/// A dictionary guarded by a lock: the rules' per-process memo of catalog answers. Rules run from
/// several threads (the wizard lints in the background), so plain statics would race.
final class RuleCache<Value: Sendable, Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]

    /// The cached value for `key`, computing and storing it on a miss.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let hit = storage[key] { lock.unlock(); return hit }
        lock.unlock()
        let v = make()
        lock.lock(); storage[key] = v; lock.unlock()
        return v
    }
}

extension RuleCache where Key == String {
    /// `value(pattern, make)` for an `Action` pattern with a wildcard; a plain action name is
    /// answered by `make` without storing it. For answers that are cheap to derive from a name's
    /// (cached) expansion but costly to keep: the managed-policy corpus holds 15,000 distinct names.
    func pattern(_ pattern: String, _ make: () -> Value) -> Value {
        Glob.hasWildcard(pattern) ? value(pattern, make) : make()
    }
}
