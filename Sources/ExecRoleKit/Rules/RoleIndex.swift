import Foundation
import IAMKit

/// The identity-policy statements of one role, indexed by the services their action items name.
///
/// The role rules ask a dozen "which statements cover this action?" questions per role; scanning
/// every item of every statement with a glob for each was the largest part of their time on the
/// managed-policy corpus. Built once per role (`RoleUnderReview.index`), it answers from the few
/// statements whose items can match: those naming the action's service, those with an item
/// `ActionKey` cannot rule out, and NotAction statements (which cover whatever they do not name).
/// The answers are exactly those of the naive scan, in statement order.
final class RoleIndex: Sendable {
    /// Every statement of every identity policy, in order.
    let statements: [RoleStatement]
    /// For each item key, the ordinals (ascending, distinct) of the statements with such an item.
    private let byService: [String: [Int]]
    /// Ordinals of statements with an item that has no key (globbed for every action).
    private let unkeyed: [Int]
    /// Ordinals of NotAction statements.
    private let negated: [Int]

    init(_ role: RoleUnderReview) {
        var statements: [RoleStatement] = []
        var byService: [String: [Int]] = [:]
        var unkeyed: [Int] = [], negated: [Int] = []
        for (i, src) in role.identityPolicies.enumerated() {
            for st in src.policy.statements {
                let rs = RoleStatement(policyIndex: i, sourceName: src.name, statement: st)
                let ordinal = statements.count
                statements.append(rs)
                if st.action?.negated == true { negated.append(ordinal) }
                var previous: String?
                for key in rs.actionKeys {
                    guard let key else {
                        if unkeyed.last != ordinal { unkeyed.append(ordinal) }
                        continue
                    }
                    // Items are usually grouped by service: skip the hash for a repeat of the last key.
                    if key == previous { continue }
                    previous = key
                    if byService[key]?.last != ordinal { byService[key, default: []].append(ordinal) }
                }
            }
        }
        self.statements = statements; self.byService = byService; self.unkeyed = unkeyed; self.negated = negated
    }

    /// The distinct item keys (`ActionKey.item`) of the role's Action/NotAction items.
    var serviceKeys: Dictionary<String, [Int]>.Keys { byService.keys }

    /// Statements (Allow and Deny) whose Action/NotAction covers `action`, in order.
    func covering(_ action: String) -> [RoleStatement] { select(action, allowOnly: false) }

    /// Allow statements whose Action/NotAction covers `action`, in order.
    func allows(_ action: String) -> [RoleStatement] { select(action, allowOnly: true) }

    /// Statements whose Action (not NotAction) has an item matching `action`, in order.
    func naming(_ action: String) -> [RoleStatement] {
        guard let key = ActionKey.query(action) else {
            return statements.filter { !$0.items(naming: action).isEmpty }
        }
        var out: [RoleStatement] = []
        for ordinal in candidates(key, withNegated: false) {
            let st = statements[ordinal]
            if st.statement.action?.negated == false && st.names(action, key: key) { out.append(st) }
        }
        return out
    }

    private func select(_ action: String, allowOnly: Bool) -> [RoleStatement] {
        guard let key = ActionKey.query(action) else {
            return statements.filter { (!allowOnly || $0.isAllow) && $0.covers(action, key: nil) }
        }
        var out: [RoleStatement] = []
        for ordinal in candidates(key, withNegated: true) {
            let st = statements[ordinal]
            if (!allowOnly || st.isAllow) && st.covers(action, key: key) { out.append(st) }
        }
        return out
    }

    /// Ordinals of the statements that may cover or name an action with `key`, ascending; every
    /// other statement has an Action whose items all name other services, or no Action at all.
    private func candidates(_ key: String, withNegated: Bool) -> [Int] {
        let named = byService[key] ?? []
        if unkeyed.isEmpty && (!withNegated || negated.isEmpty) { return named }
        var all = named + unkeyed
        if withNegated { all += negated }
        all.sort()
        var out: [Int] = []
        out.reserveCapacity(all.count)
        for o in all where out.last != o { out.append(o) }
        return out
    }
}

extension RoleIndex {
    /// Where a role keeps its index: built by the first rule that asks, shared by the copies of the
    /// role that `LintEngine.run` hands to each rule, and replaced when the identity policies change.
    final class Cache: @unchecked Sendable {
        // @unchecked: `index` is only read and written under `lock`.
        private let lock = NSLock()
        private var index: RoleIndex?

        /// The index of `role` (the role this cache belongs to).
        func index(of role: RoleUnderReview) -> RoleIndex {
            lock.lock(); defer { lock.unlock() }
            if let index { return index }
            let built = RoleIndex(role)
            index = built
            return built
        }
    }
}
