/// What `wildcard-resource` needs of one `Action` item: the actions it grants that support
/// resource-level permissions and are not List-level (expansion order, no duplicates), and the
/// names of their resource types (sorted, no duplicates).
///
/// Kept for patterns only, once per process, and shared by every statement and file that repeats
/// one (`*`, `s3:*`, `ec2:Describe*`); a plain name is its catalog action, which `ScopeSummary`
/// reads directly (keeping the corpus's ~14,000 names cost megabytes). Actions are kept
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

    /// The full name of the `k`th scopable action.
    func name(_ k: Int) -> String { RuleSupport.catalog.action(id: actionIDs[k])?.fullName ?? "" }

    private init(ids: [Int32], types: [(name: String, id: Int32)]) {
        actionIDs = ids
        let sorted = types.count > 1 ? types.sorted { $0.name < $1.name } : types
        self.types = sorted.map(\.name)
        typeIDs = sorted.map(\.id)
    }

    /// The facts of a pattern's expansion (`RuleSupport.forEachExpanded`).
    private convenience init(pattern: String) {
        var ids: [Int32] = []
        var types: [(name: String, id: Int32)] = []
        // Types are few per service, so compared in a list unless there are many (`*` has ~1,500).
        // Duplicate actions (one reached twice) keep their first position, as a names list would.
        // Past 64 actions, types are flagged by name id in an array (ids are small and dense).
        // Refs are read in place (`refs[k].nameID`): copying each `ResourceTypeRef` was three
        // reference counts, and only a new type's name is kept.
        var seenIDs: Set<Int32>?
        var bigTypes: [Bool]?
        RuleSupport.forEachExpanded(pattern) { a in
            let refs = a.resourceTypes
            guard !refs.isEmpty && a.accessLevel != .list else { return }
            if ids.count == 64 {
                seenIDs = Set(ids)
                var flags = [Bool](repeating: false, count: 1024)
                for t in types { _ = Self.flag(&flags, t.id) }
                bigTypes = flags
            }
            if seenIDs != nil {
                guard seenIDs!.insert(a.id).inserted else { return }
            } else if ids.contains(a.id) {
                return
            }
            ids.append(a.id)
            for k in refs.indices {
                let id = refs[k].nameID
                if bigTypes != nil {
                    if Self.flag(&bigTypes!, id) { types.append((refs[k].name, id)) }
                } else if !types.contains(where: { $0.id == id }) {
                    types.append((refs[k].name, id))
                }
            }
        }
        self.init(ids: ids, types: types)
    }

    /// Sets `flags[id]`, growing the array; false when it was already set.
    private static func flag(_ flags: inout [Bool], _ id: Int32) -> Bool {
        let i = Int(id)
        if i >= flags.count { flags += repeatElement(false, count: i + 1 - flags.count + 256) }
        if flags[i] { return false }
        flags[i] = true
        return true
    }

    /// Whether an action counts for wildcard-resource: it supports resource-level permissions and
    /// is not List-level.
    static func counts(_ a: ActionInfo) -> Bool { a.supportsResourceLevelPermissions && a.accessLevel != .list }

    /// The facts of an `Action` pattern, computed once per process.
    static func pattern(_ text: String) -> ScopableFacts {
        store.value(text) { ScopableFacts(pattern: text) }
    }

    /// Facts per pattern text, for the whole process.
    private static let store = RuleCache<ScopableFacts, String>()
}
