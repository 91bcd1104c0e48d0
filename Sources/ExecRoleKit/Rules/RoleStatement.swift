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
    /// The policy's statements, shared by all of its RoleStatements: copying each `Statement` (a
    /// dozen reference-counted fields) into its own RoleStatement was a third of indexing a role.
    private let policyStatements: [Statement]
    private let statementIndex: Int
    let isAllow: Bool
    /// What action queries read, kept apart so that they do not reach into the statement:
    /// whether there is an Action/NotAction element, whether it is NotAction, and its items.
    private let hasAction: Bool
    private let actionNegated: Bool
    let actionItems: [Located<String>]
    /// `ActionKey.item(_:)` of each Action/NotAction item, in item order: an item whose key is a
    /// service other than the one an action names cannot match that action, so no glob runs for it.
    let actionKeys: [UInt64]

    /// Statement `statementIndex` of `statements`, the statements of identity policy `policyIndex`.
    init(policyIndex: Int, sourceName: String, statements: [Statement], statementIndex: Int) {
        self.policyIndex = policyIndex; self.sourceName = sourceName
        policyStatements = statements; self.statementIndex = statementIndex
        // Field by field: binding the whole statement copied it.
        isAllow = statements[statementIndex].effect == .allow
        let action = statements[statementIndex].action
        hasAction = action != nil
        actionNegated = action?.negated ?? false
        actionItems = action?.items ?? []
        actionKeys = ActionKey.items(actionItems)
    }

    var statement: Statement { policyStatements[statementIndex] }

    var document: RoleDocument { .identity(policyIndex) }

    /// Whether the statement's Action/NotAction covers `action` (case-insensitive glob).
    func covers(action: String) -> Bool { covers(action, key: ActionKey.query(action)) }

    /// `covers(action:)` with the action's key already computed (`ActionKey.query`).
    func covers(_ action: String, key: UInt64) -> Bool {
        guard hasAction else { return false }
        let hit = names(action, key: key)
        return actionNegated ? !hit : hit
    }

    /// Whether any item of Action or NotAction matches `action`.
    func names(_ action: String, key: UInt64) -> Bool {
        for i in actionItems.indices where ActionKey.mayMatch(actionKeys[i], key) {
            if Glob.matches(actionItems[i].value, action, caseInsensitive: true) { return true }
        }
        return false
    }

    /// Whether the statement has an Action element (not NotAction).
    var hasPlainAction: Bool { hasAction && !actionNegated }

    /// The Action items (not NotAction) that match `action`.
    func items(naming action: String) -> [Located<String>] { items(naming: action, key: ActionKey.query(action)) }

    /// `items(naming:)` with the action's key already computed (`ActionKey.query`).
    func items(naming action: String, key: UInt64) -> [Located<String>] {
        guard hasPlainAction else { return [] }
        var out: [Located<String>] = []
        for i in actionItems.indices where ActionKey.mayMatch(actionKeys[i], key) {
            if Glob.matches(actionItems[i].value, action, caseInsensitive: true) { out.append(actionItems[i]) }
        }
        return out
    }

    /// Resource items (not NotResource).
    var resources: [Located<String>] {
        // Through the array element, not `statement`: that copied the whole statement.
        guard let r = policyStatements[statementIndex].resource, !r.negated else { return [] }
        return r.items
    }

    /// The statement's Resource/NotResource element (`statement.resource` without copying the statement).
    var resource: ElementList? { policyStatements[statementIndex].resource }

    /// The statement's conditions (`statement.conditions` without copying the statement).
    var conditions: [Condition] { policyStatements[statementIndex].conditions }
}
