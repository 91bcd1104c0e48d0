import IAMKit

/// One statement of one identity policy of a role, with the service keys of its action items.
///
/// A class, built once per role by `RoleIndex`: the role rules walk every statement of a role a
/// dozen times, and copying a `Statement` (a dozen reference-counted fields) on every visit was
/// most of what `RoleSupport.statements` cost.
final class RoleStatement: Sendable {
    let policyIndex: Int
    /// The policy's name (`PolicySource.name`): the whole source is not copied per statement.
    let sourceName: String
    let statement: Statement
    /// `ActionKey.item(_:)` of each Action/NotAction item, in item order: an item whose key is a
    /// service other than the one an action names cannot match that action, so no glob runs for it.
    let actionKeys: [UInt64]

    init(policyIndex: Int, sourceName: String, statement: Statement) {
        self.policyIndex = policyIndex; self.sourceName = sourceName; self.statement = statement
        actionKeys = statement.action?.items.map { ActionKey.item($0.value) } ?? []
    }

    var document: RoleDocument { .identity(policyIndex) }
    var isAllow: Bool { statement.effect == .allow }

    /// Whether the statement's Action/NotAction covers `action` (case-insensitive glob).
    func covers(action: String) -> Bool { covers(action, key: ActionKey.query(action)) }

    /// `covers(action:)` with the action's key already computed (`ActionKey.query`).
    func covers(_ action: String, key: UInt64) -> Bool {
        guard let list = statement.action else { return false }
        let hit = names(action, key: key)
        return list.negated ? !hit : hit
    }

    /// Whether any item of Action or NotAction matches `action`.
    func names(_ action: String, key: UInt64) -> Bool {
        guard let items = statement.action?.items else { return false }
        for i in items.indices where ActionKey.mayMatch(actionKeys[i], key) {
            if Glob.matches(items[i].value, action, caseInsensitive: true) { return true }
        }
        return false
    }

    /// The Action items (not NotAction) that match `action`.
    func items(naming action: String) -> [Located<String>] { items(naming: action, key: ActionKey.query(action)) }

    /// `items(naming:)` with the action's key already computed (`ActionKey.query`).
    func items(naming action: String, key: UInt64) -> [Located<String>] {
        guard let a = statement.action, !a.negated else { return [] }
        var out: [Located<String>] = []
        for i in a.items.indices where ActionKey.mayMatch(actionKeys[i], key) {
            if Glob.matches(a.items[i].value, action, caseInsensitive: true) { out.append(a.items[i]) }
        }
        return out
    }

    /// Resource items (not NotResource).
    var resources: [Located<String>] {
        guard let r = statement.resource, !r.negated else { return [] }
        return r.items
    }
}
