import Foundation

/// Per-policy answers shared by several rules (held by `PolicyContext`).
///
/// The five risk-category rules scan the same statements and patterns: the first to run computes
/// all five categories' findings, the other four read them. Four rules look up the same plain
/// action names: they are resolved once per policy. The memo records which policy it answers for
/// (its statements' storage, count and kind), so a context reused for another policy recomputes
/// instead of answering for the wrong one.
final class PolicyMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var key: Key?
    private var risk: [[Finding]]?
    private var actions: [[ActionInfo?]]?

    /// Identifies a policy value cheaply: copies of a policy share their statements' storage.
    private struct Key: Equatable {
        let storage: UnsafeRawPointer?
        let count: Int
        let kind: PolicyKind

        init(_ policy: Policy) {
            storage = policy.statements.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
            count = policy.statements.count
            kind = policy.kind
        }
    }

    /// Drops answers computed for another policy. Call with the lock held.
    private func sync(_ policy: Policy) {
        let k = Key(policy)
        if k != key { key = k; risk = nil; actions = nil }
    }

    /// The risk findings per category (`RiskCategory.index`), computed once per policy.
    func riskFindings(_ policy: Policy, _ make: () -> [[Finding]]) -> [[Finding]] {
        lock.lock()
        sync(policy)
        if let r = risk { lock.unlock(); return r }
        lock.unlock()
        let findings = make()
        lock.lock(); sync(policy); risk = findings; lock.unlock()
        return findings
    }

    /// Each statement's Action (or NotAction) items resolved to catalog actions: the action for a
    /// plain name the catalog knows, nil for a pattern or an unknown name. Computed once per policy.
    func resolvedActions(_ policy: Policy) -> [[ActionInfo?]] {
        lock.lock()
        sync(policy)
        if let a = actions { lock.unlock(); return a }
        lock.unlock()
        var resolver = ActionCatalog.Resolver(RuleSupport.catalog)
        let resolved = policy.statements.map { st -> [ActionInfo?] in
            // Items read in place (`items[k].value`): mapping over them copied each one.
            let items = st.action?.items ?? []
            var row: [ActionInfo?] = []
            row.reserveCapacity(items.count)
            // Patterns need no test of their own: no catalog name holds `*` or `?`, so the lookup
            // of one finds nothing (`CatalogLookupTests`), and testing every item for a wildcard
            // first cost more than the few failed lookups of patterns.
            for k in items.indices { row.append(resolver.action(items[k].value)) }
            return row
        }
        lock.lock(); sync(policy); actions = resolved; lock.unlock()
        return resolved
    }
}
