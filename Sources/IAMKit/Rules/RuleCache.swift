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

/// An action as a cache key: its two parts, so a lookup need not build `fullName`.
struct ActionKey: Hashable, Sendable {
    let service: String
    let name: String

    init(_ a: ActionInfo) { service = a.service; name = a.name }
}
