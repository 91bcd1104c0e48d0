import Foundation

/// Per-policy answers shared by several rules (held by `PolicyContext`).
///
/// The five risk-category rules scan the same statements and patterns: the first to run computes
/// all five categories' findings, the other four read them. The memo records which policy it was
/// computed for (a hash of what the risk scan reads), so a context reused for another policy
/// recomputes instead of answering for the wrong one.
final class PolicyMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var risk: (key: Int, findings: [[Finding]])?

    /// The risk findings per category (`RiskCategory.index`), computed once per policy.
    func riskFindings(_ policy: Policy, _ make: () -> [[Finding]]) -> [[Finding]] {
        let key = Self.fingerprint(policy)
        lock.lock()
        if let r = risk, r.key == key { lock.unlock(); return r.findings }
        lock.unlock()
        let findings = make()
        lock.lock(); risk = (key, findings); lock.unlock()
        return findings
    }

    /// A hash of the policy's shape: kind, statement pointers, effects, and each Action and Resource
    /// list's size and first item. Enough to tell two policies apart; cheaper than hashing every item.
    private static func fingerprint(_ policy: Policy) -> Int {
        var h = Hasher()
        h.combine(policy.kind.rawValue)
        h.combine(policy.statements.count)
        for st in policy.statements {
            h.combine(st.pointer)
            h.combine(st.effect == .allow)
            for list in [st.action, st.resource] {
                h.combine(list?.negated)
                h.combine(list?.items.count)
                h.combine(list?.items.first?.value)
            }
        }
        return h.finalize()
    }
}
