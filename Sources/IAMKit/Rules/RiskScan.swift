/// The shared body of the five risk-category rules: which actions of a statement, granted on a
/// broad Resource, fall into a `RiskCatalog` category.
enum RiskScan {
    static func check(_ policy: Policy, category: RiskCategory, rule: RuleDescription) -> [Finding] {
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
        var out: [Finding] = []
        for st in policy.statements {
            guard st.effect == .allow, let r = st.resource, !r.negated,
                  let broad = r.items.first(where: { RuleSupport.isBroadResource($0.value) }) else { continue }
            guard let granted = st.action, !granted.negated else { continue }
            var hits: [(String, String, Located<String>)] = []
            var seen = Set<String>()
            for item in granted.items {
                for h in PatternFacts.riskHits(item.value, category) where !seen.contains(h.fullName) {
                    var why = h.why
                    if !h.comboPaths.isEmpty {
                        guard let enabled = h.comboPaths.first(where: { enabledCombos().contains($0.name) }) else { continue }
                        // Name the method the policy actually enables, not the first one the action is part of.
                        let partners = enabled.actions.filter { $0.lowercased() != h.fullName.lowercased() }
                        why = "\(enabled.name) (with \(partners.joined(separator: ", "))): \(enabled.why)"
                    }
                    seen.insert(h.fullName)
                    hits.append((h.fullName, why, item))
                }
            }
            guard let first = hits.first else { continue }
            let wild = hits.count > 3 || Glob.hasWildcard(first.2.value)
            let detail = hits.prefix(3).map { "\($0.0) (\($0.1))" }.joined(separator: "; ")
            let more = hits.count > 3 ? "; and \(hits.count - 3) more: \(RuleSupport.list(hits.dropFirst(3).map(\.0), limit: 6))" : ""
            let msg = "\(st.label) allows on \"\(broad.value)\": \(detail)\(more)"
            // Point at the action when one item is to blame, else at the broad resource.
            let pointer = (!wild && Set(hits.map(\.2.pointer)).count == 1) ? first.2.pointer : broad.pointer
            out.append(rule.finding(msg, fix: "\(rule.fix) Remove \(RuleSupport.list(hits.map(\.0), limit: 3)) or scope the Resource to specific ARNs.", at: pointer))
        }
        return out
    }
}
