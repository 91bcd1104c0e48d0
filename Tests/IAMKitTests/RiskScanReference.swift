@testable import IAMKit

/// `RiskScan.scan` as it was before it kept only the items with hits: every item's answer in an
/// array, every category walking every item. The reference `RuleFastPathTests` compares with.
enum RiskScanReference {
    static let rules = RiskScan.rules

    static func scan(_ policy: Policy, resolved: [[ActionInfo?]]) -> [[Finding]] {
        var out = [[Finding]](repeating: [], count: RiskCategory.allCases.count)
        // Escalation methods that need several actions count only when the policy grants all of them.
        // Computed on first need: checking each method's few actions against the Allow items is far
        // cheaper than expanding `*` into 20,000 actions, and most policies never need it.
        var enabledCache: Set<String>?
        func enabledCombos() -> Set<String> {
            if let c = enabledCache { return c }
            let items = policy.statements.filter { $0.effect == .allow && $0.action?.negated == false }.flatMap { $0.action!.values.map { $0.lowercased() } }
            let exact = Set(items.filter { !Glob.hasWildcard($0) })
            let globs = items.filter { Glob.hasWildcard($0) }
            func granted(_ action: String) -> Bool {
                let a = action.lowercased()
                return exact.contains(a) || globs.contains { Glob.matches($0, a) }
            }
            let c = Set(RiskCatalog.escalationPaths.filter { $0.actions.count > 1 && $0.actions.allSatisfy(granted) }.map(\.name))
            enabledCache = c
            return c
        }
        // Consecutive plain names mostly share a service: one table lookup per run of them.
        var table = ActionRisk.Table()
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated,
                  let granted = st.action, !granted.negated,
                  let broad = r.items.first(where: { RuleSupport.isBroadResource($0.value) }) else { continue }
            // Plain names come resolved (`PolicyMemo`); patterns have per-pattern answers.
            var facts: [PatternFacts.RiskHits] = []
            facts.reserveCapacity(granted.items.count)
            var any = false
            for (ii, item) in granted.items.enumerated() {
                let f = Glob.hasWildcard(item.value) ? PatternFacts.risk(item.value) : resolved[si][ii].map { table.hits($0) } ?? .none
                any = any || !f.isEmpty
                facts.append(f)
            }
            guard any else { continue }
            for category in RiskCategory.allCases {
                let ci = category.index
                var hits: [(name: String, why: String, item: Located<String>)] = []
                // Patterns dedupe their own hits; only hits from two items can repeat.
                let contributing = facts.lazy.filter { !$0.byCategory[ci].isEmpty }.count
                var seen = Set<String>()
                for (k, item) in granted.items.enumerated() {
                    for h in facts[k].byCategory[ci] where contributing < 2 || !seen.contains(h.fullName) {
                        var why = h.why
                        if !h.comboPaths.isEmpty {
                            guard let enabled = h.comboPaths.first(where: { enabledCombos().contains($0.name) }) else { continue }
                            // Name the method the policy actually enables, not the first one the action is part of.
                            let partners = enabled.actions.filter { $0.lowercased() != h.fullName.lowercased() }
                            why = "\(enabled.name) (with \(partners.joined(separator: ", "))): \(enabled.why)"
                        }
                        if contributing > 1 { seen.insert(h.fullName) }
                        hits.append((h.fullName, why, item))
                    }
                }
                guard let first = hits.first else { continue }
                let rule = rules[ci]
                let wild = hits.count > 3 || Glob.hasWildcard(first.item.value)
                let detail = hits.prefix(3).map { "\($0.name) (\($0.why))" }.joined(separator: "; ")
                let more = hits.count > 3 ? "; and \(hits.count - 3) more: \(RuleSupport.list(hits.dropFirst(3).prefix(6).map(\.name), total: hits.count - 3, limit: 6))" : ""
                let msg = "\(st.label) allows on \"\(broad.value)\": \(detail)\(more)"
                // Point at the action when one item is to blame, else at the broad resource.
                let pointer = (!wild && Set(hits.map(\.item.pointer)).count == 1) ? first.item.pointer : broad.pointer
                out[ci].append(rule.finding(msg, fix: "\(rule.fix) Remove \(RuleSupport.list(hits.prefix(3).map(\.name), total: hits.count, limit: 3)) or scope the Resource to specific ARNs.", at: pointer))
            }
        }
        return out
    }
}
