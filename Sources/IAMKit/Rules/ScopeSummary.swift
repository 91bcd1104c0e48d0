/// What `wildcard-resource` says of one statement: its scopable actions (`ScopableFacts.counts`)
/// and their resource types, merged over the statement's Action items in order.
///
/// Built item by item from pattern facts (`ScopableFacts`) and plain names' catalog actions, with
/// integer ids throughout: a full name is built only for the five a message shows, and types are
/// counted by `ResourceTypeRef.nameID`.
struct ScopeSummary {
    /// The first five distinct actions' full names, in item order.
    private(set) var names: [String] = []
    /// The four smallest distinct type names (`String` order).
    private(set) var types: [String] = []
    /// How many distinct type names there are.
    private(set) var typeCount = 0

    private var ids: [Int32] = []
    private var shownIDs: [Int32] = []
    private var marked: [Bool] = []

    /// Adds a pattern's scopable actions and types.
    mutating func add(_ facts: ScopableFacts) {
        ids.append(contentsOf: facts.actionIDs)
        for (k, id) in facts.actionIDs.enumerated() where names.count < 5 && !shownIDs.contains(id) {
            shownIDs.append(id)
            names.append(facts.name(k))
        }
        for (k, id) in facts.typeIDs.enumerated() { addType(id, facts.types[k]) }
    }

    /// Adds one catalog action, if it counts (`ScopableFacts.counts`).
    mutating func add(_ action: ActionInfo) {
        guard ScopableFacts.counts(action) else { return }
        ids.append(action.id)
        if names.count < 5 && !shownIDs.contains(action.id) {
            shownIDs.append(action.id)
            names.append(action.fullName)
        }
        for ref in action.resourceTypes { addType(ref.nameID, ref.name) }
    }

    /// How many distinct actions were added (sorts the ids: call once, at the end).
    mutating func nameCount() -> Int {
        ids.sort()
        var n = 0, last: Int32 = -1
        for id in ids where id != last { n += 1; last = id }
        return n
    }

    private mutating func addType(_ id: Int32, _ name: String) {
        let i = Int(id)
        if i >= marked.count { marked += repeatElement(false, count: max(i + 1 - marked.count, 64)) }
        guard !marked[i] else { return }
        marked[i] = true
        typeCount += 1
        if types.count == 4 && !(name < types[3]) { return }
        let at = types.firstIndex { name < $0 } ?? types.count
        types.insert(name, at: at)
        if types.count > 4 { types.removeLast() }
    }
}
