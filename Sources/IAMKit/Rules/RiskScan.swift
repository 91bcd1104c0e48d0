/// The shared body of the five risk-category rules: which actions of a statement, granted on a
/// broad Resource, fall into a `RiskCatalog` category.
///
/// The five rules ask about the same statements and patterns, so the first of them to run scans the
/// policy once for all five categories (`PolicyMemo`); the others read the result.
enum RiskScan {
    /// The rule that reports each category, by `RiskCategory.index`.
    static let rules: [RuleDescription] = RiskCategory.allCases.map { category in
        switch category {
        case .privilegeEscalation: return PrivilegeEscalationRule.description
        case .dataExfiltration: return DataExfiltrationRule.description
        case .resourceExposure: return ResourceExposureRule.description
        case .credentialsExposure: return CredentialsExposureRule.description
        case .infrastructureModification: return InfrastructureModificationRule.description
        }
    }

    /// `category`'s findings for `policy`.
    static func check(_ policy: Policy, context: PolicyContext, category: RiskCategory) -> [Finding] {
        context.memo.riskFindings(policy) { scan(policy, resolved: context.memo.resolvedActions(policy)) }[category.index]
    }

    /// Every category's findings, by `RiskCategory.index`.
    static func scan(_ policy: Policy, resolved: [[ActionInfo?]]) -> [[Finding]] {
        var out = [[Finding]](repeating: [], count: RiskCategory.allCases.count)
        // Escalation methods that need several actions count only when the policy grants all of them.
        // Computed on first need: checking each method's few actions against the Allow items is far
        // cheaper than expanding `*` into 20,000 actions, and most policies never need it.
        var enabledCache: Set<String>?
        func enabledCombos() -> Set<String> {
            if let c = enabledCache { return c }
            let c = EscalationCombos.enabled(by: policy)
            enabledCache = c
            return c
        }
        // Consecutive plain names mostly share a service: one table lookup per run of them.
        var table = ActionRisk.Table()
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated,
                  let granted = st.action, !granted.negated,
                  let broad = r.items.first(where: { RuleSupport.isBroadResource($0.value) }) else { continue }
            // Only the items with some hit, in item order: most items of a broad statement have
            // none, and keeping (copying, reference-counting) an empty answer for each was most of
            // the scan. A resolved name is not a pattern (`PolicyMemo` resolves plain names only),
            // so it is answered before the wildcard test; patterns have per-pattern answers.
            let items = granted.items, row = resolved[si]
            var facts: [(k: Int, hits: PatternFacts.RiskHits)] = []
            for k in items.indices {
                if let a = row[k] {
                    if let f = table.nonEmptyHits(a) { facts.append((k, f)) }
                } else if Glob.hasWildcard(items[k].value) {
                    let f = PatternFacts.risk(items[k].value)
                    if !f.isEmpty { facts.append((k, f)) }
                }
            }
            guard !facts.isEmpty else { continue }
            for ci in 0..<RiskCategory.allCases.count {
                // Patterns dedupe their own hits; only hits from two items can repeat.
                var contributing = 0
                for f in facts where !f.hits.byCategory[ci].isEmpty { contributing += 1 }
                guard contributing > 0 else { continue }
                var hits: [(name: String, why: String, item: Located<String>)] = []
                var seen = Set<String>()
                for f in facts {
                    for h in f.hits.byCategory[ci] where contributing < 2 || !seen.contains(h.fullName) {
                        var why = h.why
                        if !h.comboPaths.isEmpty {
                            guard let enabled = h.comboPaths.first(where: { enabledCombos().contains($0.name) }) else { continue }
                            // Name the method the policy actually enables, not the first one the action is part of.
                            let partners = enabled.actions.filter { $0.lowercased() != h.fullName.lowercased() }
                            why = "\(enabled.name) (with \(partners.joined(separator: ", "))): \(enabled.why)"
                        }
                        if contributing > 1 { seen.insert(h.fullName) }
                        hits.append((h.fullName, why, items[f.k]))
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
