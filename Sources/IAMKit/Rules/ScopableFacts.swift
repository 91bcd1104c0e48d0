import Foundation

/// What `wildcard-resource` needs of one `Action` item: the actions it grants that support
/// resource-level permissions and are not List-level (expansion order, no duplicates), and the
/// names of their resource types (sorted, no duplicates).
///
/// Computed once per item text per process and shared by every statement and file that repeats
/// it (`*`, `s3:*`, `ec2:DescribeInstances`). Actions and types carry process-wide integer ids, so
/// a statement listing many items merges them with integer sorts instead of hashing and sorting
/// strings; a full name is built only when a message shows it (`*` has ~15,000 such actions).
final class ScopableFacts: Sendable {
    /// The item's expansion (`RuleSupport.expand`, shared, not copied).
    private let expansion: [ActionInfo]
    /// Positions in `expansion` of the scopable actions, first occurrence of each.
    private let picked: [Int32]
    /// The actions' ids (equal ids, equal full names), parallel to `picked`.
    let actionIDs: [Int32]
    /// Resource type names, sorted as `String`s, without duplicates.
    let types: [String]
    /// `types`' ids.
    let typeIDs: [Int32]

    /// How many scopable actions the item grants.
    var count: Int { picked.count }

    /// The full name of the `k`-th scopable action.
    func name(_ k: Int) -> String { expansion[Int(picked[k])].fullName }

    private init(_ expansion: [ActionInfo]) {
        self.expansion = expansion
        var picked: [Int32] = []
        for (k, a) in expansion.enumerated() where a.supportsResourceLevelPermissions && a.accessLevel != .list {
            picked.append(Int32(k))
        }
        // Nothing to intern (an unknown or `*`-only action): no lock.
        if picked.isEmpty {
            self.picked = []; actionIDs = []; types = []; typeIDs = []
            return
        }
        var keepIDs = Self.interner.actionIDs(expansion, picked)
        // Duplicates (one action reached twice) keep their first position, as a names list would.
        if picked.count > 1 {
            var seen = Set<Int32>(minimumCapacity: picked.count), keep: [Int32] = [], ids: [Int32] = []
            for (k, id) in keepIDs.enumerated() where seen.insert(id).inserted { keep.append(picked[k]); ids.append(id) }
            picked = keep; keepIDs = ids
        }
        // The distinct type names: few per service, so compared in a list unless there are many
        // (`*` has ~1,500); interned only once distinct.
        var names: [String] = []
        var big: Set<String>? = picked.count > 64 ? [] : nil
        for p in picked {
            for ref in expansion[Int(p)].resourceTypes {
                if big != nil {
                    if big!.insert(ref.name).inserted { names.append(ref.name) }
                } else if !names.contains(ref.name) {
                    names.append(ref.name)
                }
            }
        }
        big = nil
        names.sort()
        self.picked = picked; actionIDs = keepIDs
        types = names; typeIDs = Self.interner.typeIDs(names)
    }

    /// The facts of a statement's `Action` items, in order (cached per text).
    static func of(_ items: [Located<String>]) -> [ScopableFacts] {
        store.facts(items.map(\.value)) { ScopableFacts(RuleSupport.expand($0)) }
    }

    private static let store = Store()
    private static let interner = Interner()

    /// The facts per item text, behind a lock taken once per statement for the lookups and once
    /// for the new entries (per item, the two threads kept waking each other up); sized for the
    /// managed-policy corpus's ~14,000 distinct items so that it never rehashes them.
    private final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: ScopableFacts] = Dictionary(minimumCapacity: 1 << 14)

        func facts(_ items: [String], _ make: (String) -> ScopableFacts) -> [ScopableFacts] {
            lock.lock()
            let hits = items.map { table[$0] }
            lock.unlock()
            var made: [(String, ScopableFacts)] = []
            let out = zip(items, hits).map { item, hit in
                if let hit { return hit }
                // Computed outside the lock: two threads may both make an entry; the ids make them equal.
                let f = make(item)
                made.append((item, f))
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

    /// Dense ids for actions and resource type names, assigned under a lock so that every thread
    /// sees one id per action and per type name.
    private final class Interner: @unchecked Sendable {
        private let lock = NSLock()
        /// Per service, per action name: the same as per full name (service prefixes hold no
        /// colon). Small tables, and an expansion's actions come in runs of one service, so each
        /// action costs one hash of its name.
        private var actions: [String: [String: Int32]] = [:]
        private var actionCount: Int32 = 0
        private var types: [String: Int32] = [:]

        /// The ids of the actions at `positions` of `expansion`.
        func actionIDs(_ expansion: [ActionInfo], _ positions: [Int32]) -> [Int32] {
            lock.lock()
            defer { lock.unlock() }
            var ids: [Int32] = []
            ids.reserveCapacity(positions.count)
            var service = "", table: [String: Int32] = [:]
            for p in positions {
                let a = expansion[Int(p)]
                if a.service != service {
                    if !service.isEmpty { actions[service] = table }
                    service = a.service
                    table = actions.removeValue(forKey: service) ?? [:]
                }
                if let hit = table[a.name] {
                    ids.append(hit)
                } else {
                    table[a.name] = actionCount
                    ids.append(actionCount)
                    actionCount += 1
                }
            }
            actions[service] = table
            return ids
        }

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
