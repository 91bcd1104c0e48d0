import Foundation
import IAMKit

/// The identity-policy statements of one role, with the service key (`ActionKey`) of every action
/// item, built once per role (`RoleUnderReview.index`).
///
/// The role rules ask a dozen "which statements cover this action?" questions per role; globbing
/// every item of every statement for each was the largest part of their time on the managed-policy
/// corpus, and so was copying every `Statement` into a new `RoleStatement` for each rule. Here each
/// question compares the action's key with the items' precomputed keys (one integer compare per
/// item) and globs only the items naming the action's service or having no key. The answers are
/// exactly those of the naive scan, in statement order.
///
/// (A map from service to statements was tried too: building it cost more than the integer
/// compares it saves, a role being asked only a dozen questions.)
final class RoleIndex: Sendable {
    /// Every statement of every identity policy, in order.
    let statements: [RoleStatement]

    init(_ role: RoleUnderReview) {
        var statements: [RoleStatement] = []
        statements.reserveCapacity(role.identityPolicies.reduce(0) { $0 + $1.policy.statements.count })
        for (i, src) in role.identityPolicies.enumerated() {
            let sts = src.policy.statements
            for j in sts.indices {
                statements.append(RoleStatement(policyIndex: i, sourceName: src.name, statements: sts, statementIndex: j))
            }
        }
        self.statements = statements
    }

    /// Statements (Allow and Deny) whose Action/NotAction covers `action`, in order.
    func covering(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.covers(action, key: key) }
    }

    /// Allow statements whose Action/NotAction covers `action`, in order.
    func allows(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.isAllow && $0.covers(action, key: key) }
    }

    /// Statements whose Action (not NotAction) has an item matching `action`, in order.
    func naming(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.hasPlainAction && $0.names(action, key: key) }
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
