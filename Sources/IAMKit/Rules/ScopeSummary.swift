/// What `wildcard-resource` says of one statement: its scopable actions (`ScopableFacts.counts`)
/// and their resource types, merged over the statement's Action items in order.
///
/// Built item by item from pattern facts (`ScopableFacts`) and plain names' catalog actions, with
/// integer ids throughout: a full name is built only for the five a message shows, and types are
/// counted by `ResourceTypeRef.nameID`. One summary serves all the statements of a policy
/// (`reset()` between them): its buffers are allocated once per policy, not once per statement.
struct ScopeSummary {
    /// The first five distinct actions' full names, in item order.
    private(set) var names: [String] = []
    /// The four smallest distinct type names (`String` order).
    private(set) var types: [String] = []
    /// How many distinct type names there are.
    private(set) var typeCount = 0

    private var ids: [Int32] = []
    /// How many `add` calls contributed ids: with one, there is no duplicate (a pattern's facts
    /// list each action once), so `nameCount` needs no sort.
    private var sources = 0
    /// The first source's ids while it is the only one: not copied into `ids` unless another
    /// source comes (`*` alone is ~15,000 ids).
    private var firstIDs: [Int32] = []
    private var shownIDs: [Int32] = []
    private var marked: [Bool] = []
    /// The type ids set in `marked`, to clear them in `reset()`.
    private var markedIDs: [Int32] = []

    /// Empties the summary for the next statement, keeping its buffers.
    mutating func reset() {
        names.removeAll(keepingCapacity: true)
        types.removeAll(keepingCapacity: true)
        typeCount = 0
        ids.removeAll(keepingCapacity: true)
        sources = 0
        firstIDs = []
        shownIDs.removeAll(keepingCapacity: true)
        for id in markedIDs { marked[Int(id)] = false }
        markedIDs.removeAll(keepingCapacity: true)
    }

    /// Adds a pattern's scopable actions and types.
    mutating func add(_ facts: ScopableFacts) {
        let actionIDs = facts.actionIDs
        guard !actionIDs.isEmpty else { return } // no action, hence no type either
        addIDs(actionIDs)
        // Stops at five names: the pattern may hold thousands of ids.
        var k = 0
        while names.count < 5 && k < actionIDs.count {
            let id = actionIDs[k]
            if !shownIDs.contains(id) {
                shownIDs.append(id)
                names.append(facts.name(k))
            }
            k += 1
        }
        let typeIDs = facts.typeIDs
        for k in typeIDs.indices where mark(typeIDs[k]) { insertType(facts.types[k]) }
    }

    /// Adds one catalog action, if it counts (`ScopableFacts.counts`).
    mutating func add(_ action: ActionInfo) {
        // The refs are read in place (`refs[k].nameID`): copying each `ResourceTypeRef` was three
        // reference counts, and only a new type's name is needed.
        let refs = action.resourceTypes
        guard !refs.isEmpty && action.accessLevel != .list else { return }
        addID(action.id)
        if names.count < 5 && !shownIDs.contains(action.id) {
            shownIDs.append(action.id)
            names.append(action.fullName)
        }
        for k in refs.indices where mark(refs[k].nameID) { insertType(refs[k].name) }
    }

    /// How many distinct actions were added (sorts the ids: call once, at the end).
    mutating func nameCount() -> Int {
        if sources <= 1 { return firstIDs.count + ids.count }
        ids.sort()
        var n = 0, last: Int32 = -1
        for id in ids where id != last { n += 1; last = id }
        return n
    }

    /// Records a pattern's action ids (shared, not copied, while they are the only source).
    private mutating func addIDs(_ more: [Int32]) {
        sources += 1
        if sources == 1 { firstIDs = more; return }
        flushFirst()
        ids.append(contentsOf: more)
    }

    /// Records one action's id.
    private mutating func addID(_ id: Int32) {
        sources += 1
        if sources > 1 { flushFirst() }
        ids.append(id)
    }

    /// Moves the first source's ids into `ids` once a second source comes.
    private mutating func flushFirst() {
        guard !firstIDs.isEmpty else { return }
        ids.append(contentsOf: firstIDs)
        firstIDs = []
    }

    /// Marks a type id, counting it; false when it was already marked.
    private mutating func mark(_ id: Int32) -> Bool {
        let i = Int(id)
        if i >= marked.count { marked += repeatElement(false, count: max(i + 1 - marked.count, 64)) }
        guard !marked[i] else { return false }
        marked[i] = true
        markedIDs.append(id)
        typeCount += 1
        return true
    }

    /// Keeps a newly counted type's name if it is among the four smallest.
    private mutating func insertType(_ name: String) {
        if types.count == 4 && !(name < types[3]) { return }
        let at = types.firstIndex { name < $0 } ?? types.count
        types.insert(name, at: at)
        if types.count > 4 { types.removeLast() }
    }
}
