import Foundation

/// What `wildcard-resource` needs of one `Action` item: the actions it grants that support
/// resource-level permissions and are not List-level (expansion order, no duplicates), and the
/// names of their resource types (sorted, no duplicates).
///
/// Computed once per item text per process and shared by every statement and file that repeats
/// it (`*`, `s3:*`, `ec2:DescribeInstances`). Actions are kept as their catalog ids
/// (`ActionInfo.id`: equal ids, equal full names), so a statement listing many items merges them
/// with integer sorts instead of hashing and sorting strings, and a full name is built only when a
/// message shows it (`*` has ~15,000 such actions). The expansion itself is not kept.
final class ScopableFacts: Sendable {
    /// The scopable actions' catalog ids, in expansion order, first occurrence of each.
    let actionIDs: [Int32]
    /// Resource type names, sorted as `String`s, without duplicates.
    let types: [String]
    /// `types`' ids.
    let typeIDs: [Int32]

    /// How many scopable actions the item grants.
    var count: Int { actionIDs.count }

    /// The full name of the `k`-th scopable action.
    func name(_ k: Int) -> String { RuleSupport.catalog.action(id: actionIDs[k])?.fullName ?? "" }

    private init(_ expansion: [ActionInfo]) {
        var ids: [Int32] = []
        var names: [String] = []
        // Type names are few per service, so compared in a list unless there are many (`*` has
        // ~1,500); interned only once distinct. Duplicate actions (one reached twice) keep their
        // first position, as a names list would.
        var seenIDs: Set<Int32>?
        var bigTypes: Set<String>?
        for a in expansion where a.supportsResourceLevelPermissions && a.accessLevel != .list {
            if ids.count == 64 { seenIDs = Set(ids); bigTypes = Set(names) }
            if seenIDs != nil {
                guard seenIDs!.insert(a.id).inserted else { continue }
            } else if ids.contains(a.id) {
                continue
            }
            ids.append(a.id)
            for ref in a.resourceTypes {
                if bigTypes != nil {
                    if bigTypes!.insert(ref.name).inserted { names.append(ref.name) }
                } else if !names.contains(ref.name) {
                    names.append(ref.name)
                }
            }
        }
        names.sort()
        actionIDs = ids
        types = names
        // Nothing to intern (an unknown or `*`-only action): no lock.
        typeIDs = names.isEmpty ? [] : Self.interner.typeIDs(names)
    }

    /// The facts of a statement's `Action` items, in order (cached per text).
    static func of(_ items: [Located<String>], resolved: [ActionInfo?]) -> [ScopableFacts] {
        store.facts(items.map(\.value)) { k, item in
            ScopableFacts(Glob.hasWildcard(item) ? RuleSupport.expand(item) : resolved[k].map { [$0] } ?? [])
        }
    }

    private static let store = Store()
    private static let interner = Interner()

    /// The facts per pattern text, behind a lock taken once per statement for the lookups and once
    /// for the new entries (per item, the two threads kept waking each other up).
    private final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: ScopableFacts] = [:]

        func facts(_ items: [String], _ make: (Int, String) -> ScopableFacts) -> [ScopableFacts] {
            // Only patterns are kept: a plain action name is one lookup to recompute, and keeping the
            // corpus's ~14,000 names cost megabytes of small objects.
            let patterns = items.map { Glob.hasWildcard($0) }
            lock.lock()
            let hits = zip(items, patterns).map { $1 ? table[$0] : nil }
            lock.unlock()
            var made: [(String, ScopableFacts)] = []
            let out = zip(items, hits).enumerated().map { k, pair in
                if let hit = pair.1 { return hit }
                // Computed outside the lock: two threads may both make an entry; the ids make them equal.
                let f = make(k, pair.0)
                if patterns[k] { made.append((pair.0, f)) }
                return f
            }
            if !made.isEmpty {
                lock.lock()
                for (item, f) in made { table[item] = f }
                lock.unlock()
            }
            return out
        }
    }

    /// Dense ids for resource type names, assigned under a lock so that every thread sees one id
    /// per name.
    private final class Interner: @unchecked Sendable {
        private let lock = NSLock()
        private var types: [String: Int32] = [:]

        /// The ids of resource type names.
        func typeIDs(_ names: [String]) -> [Int32] {
            lock.lock()
            defer { lock.unlock() }
            return names.map { name in
                if let hit = types[name] { return hit }
                let id = Int32(types.count)
                types[name] = id
                return id
            }
        }
    }
}
