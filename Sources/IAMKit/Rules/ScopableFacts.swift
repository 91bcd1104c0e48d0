import Foundation

/// What `wildcard-resource` needs of one `Action` item: the actions it grants that support
/// resource-level permissions and are not List-level (expansion order, no duplicates), and the
/// names of their resource types (sorted, no duplicates).
///
/// A pattern's facts are computed once per process and shared by every statement and file that
/// repeats it (`*`, `s3:*`, `ec2:Describe*`); a plain name's are one catalog action's and are
/// rebuilt per use (cheap, and keeping the corpus's ~14,000 names cost megabytes). Actions are kept
/// as their catalog ids (`ActionInfo.id`: equal ids, equal full names) and types as their name ids
/// (`ResourceTypeRef.nameID`), so a statement listing many items merges them with integer work
/// instead of hashing and sorting strings, and a full name is built only when a message shows it
/// (`*` has ~15,000 such actions). The expansion itself is not kept.
final class ScopableFacts: Sendable {
    /// The scopable actions' catalog ids, in expansion order, first occurrence of each.
    let actionIDs: [Int32]
    /// Resource type names, sorted as `String`s, without duplicates.
    let types: [String]
    /// `types`' ids (`ResourceTypeRef.nameID`).
    let typeIDs: [Int32]

    /// How many scopable actions the item grants.
    var count: Int { actionIDs.count }

    /// The full name of the `k`th scopable action.
    func name(_ k: Int) -> String { RuleSupport.catalog.action(id: actionIDs[k])?.fullName ?? "" }

    /// An item that grants no scopable action (an unknown name, a `*`-only or List action).
    static let empty = ScopableFacts(ids: [], types: [])

    private init(ids: [Int32], types: [(name: String, id: Int32)]) {
        actionIDs = ids
        let sorted = types.count > 1 ? types.sorted { $0.name < $1.name } : types
        self.types = sorted.map(\.name)
        typeIDs = sorted.map(\.id)
    }

    private static func scopable(_ a: ActionInfo) -> Bool {
        a.supportsResourceLevelPermissions && a.accessLevel != .list
    }

    /// The facts of a pattern's expansion.
    private convenience init(_ expansion: [ActionInfo]) {
        var ids: [Int32] = []
        var types: [(name: String, id: Int32)] = []
        // Types are few per service, so compared in a list unless there are many (`*` has ~1,500).
        // Duplicate actions (one reached twice) keep their first position, as a names list would.
        var seenIDs: Set<Int32>?
        var bigTypes: Set<Int32>?
        for a in expansion where Self.scopable(a) {
            if ids.count == 64 { seenIDs = Set(ids); bigTypes = Set(types.map(\.id)) }
            if seenIDs != nil {
                guard seenIDs!.insert(a.id).inserted else { continue }
            } else if ids.contains(a.id) {
                continue
            }
            ids.append(a.id)
            for ref in a.resourceTypes {
                if bigTypes != nil {
                    if bigTypes!.insert(ref.nameID).inserted { types.append((ref.name, ref.nameID)) }
                } else if !types.contains(where: { $0.id == ref.nameID }) {
                    types.append((ref.name, ref.nameID))
                }
            }
        }
        self.init(ids: ids, types: types)
    }

    /// The facts of one catalog action.
    private static func single(_ a: ActionInfo) -> ScopableFacts {
        guard scopable(a) else { return empty }
        var types: [(name: String, id: Int32)] = []
        for ref in a.resourceTypes where !types.contains(where: { $0.id == ref.nameID }) { types.append((ref.name, ref.nameID)) }
        return ScopableFacts(ids: [a.id], types: types)
    }

    /// The facts of each item (`resolved`: the items' plain names resolved, `PolicyMemo`).
    static func of(_ items: [Located<String>], resolved: [ActionInfo?]) -> [ScopableFacts] {
        var out: [ScopableFacts] = []
        out.reserveCapacity(items.count)
        var patterns: [(k: Int, text: String)] = []
        for (k, item) in items.enumerated() {
            if Glob.hasWildcard(item.value) {
                patterns.append((k, item.value))
                out.append(empty)
            } else {
                out.append(resolved[k].map(single) ?? empty)
            }
        }
        if !patterns.isEmpty {
            let facts = store.facts(patterns.map(\.text)) { ScopableFacts(RuleSupport.expand($0)) }
            for (p, f) in zip(patterns, facts) { out[p.k] = f }
        }
        return out
    }

    private static let store = Store()

    /// Facts per pattern text, for the whole process.
    private final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: ScopableFacts] = [:]

        func facts(_ patterns: [String], _ make: (String) -> ScopableFacts) -> [ScopableFacts] {
            lock.lock()
            let hits = patterns.map { table[$0] }
            lock.unlock()
            var made: [(String, ScopableFacts)] = []
            let out = zip(patterns, hits).map { pattern, hit in
                if let hit { return hit }
                // Computed outside the lock: two threads may both make an entry; the ids make them equal.
                let f = make(pattern)
                made.append((pattern, f))
                return f
            }
            if !made.isEmpty {
                lock.lock()
                for (pattern, f) in made { table[pattern] = f }
                lock.unlock()
            }
            return out
        }
    }
}
