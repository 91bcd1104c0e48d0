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
        // Scratch lists kept across statements and categories (emptied, capacity kept): growing
        // fresh ones was ~9,000 of the scan's ~32,000 allocations on the managed-policy corpus.
        var facts: [(k: Int, hits: PatternFacts.RiskHits)] = []
        var shown: [(name: String, why: String, k: Int)] = []
        shown.reserveCapacity(9)
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated,
                  let granted = st.action, !granted.negated,
                  let broad = r.items.first(where: { RuleSupport.isBroadResource($0.value) }) else { continue }
            // Only the items with some hit, in item order: most items of a broad statement have
            // none, and keeping (copying, reference-counting) an empty answer for each was most of
            // the scan. A resolved name is not a pattern (`PolicyMemo` resolves plain names only),
            // so it is answered before the wildcard test; patterns have per-pattern answers.
            let items = granted.items, row = resolved[si]
            facts.removeAll(keepingCapacity: true)
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
                // Only the hits a message shows are kept (three with their reasons, six more by
                // name); the rest are counted. `*` has hundreds of hits per category, and copying
                // each (and building its combination text) was most of the scan.
                shown.removeAll(keepingCapacity: true)
                var count = 0
                var seen = Set<String>()
                if contributing > 1 {
                    // Sized once: growing it rehashed every name inserted so far.
                    var total = 0
                    for f in facts { total += f.hits.byCategory[ci].count }
                    seen.reserveCapacity(total)
                }
                for f in facts {
                    // Hits read in place (`list[j]`), not copied out one by one.
                    let list = f.hits.byCategory[ci]
                    for j in list.indices where contributing < 2 || !seen.contains(list[j].fullName) {
                        var enabled: EscalationPath?
                        if !list[j].comboPaths.isEmpty {
                            guard let e = list[j].comboPaths.first(where: { enabledCombos().contains($0.name) }) else { continue }
                            enabled = e
                        }
                        if contributing > 1 { seen.insert(list[j].fullName) }
                        count += 1
                        guard shown.count < 9 else { continue }
                        let h = list[j]
                        var why = h.why
                        if shown.count < 3, let enabled {
                            // Name the method the policy actually enables, not the first one the action is part of.
                            let partners = enabled.actions.filter { $0.lowercased() != h.fullName.lowercased() }
                            why = "\(enabled.name) (with \(partners.joined(separator: ", "))): \(enabled.why)"
                        }
                        shown.append((h.fullName, why, f.k))
                    }
                }
                guard let first = shown.first else { continue }
                let rule = rules[ci]
                let firstItem = items[first.k]
                let wild = count > 3 || Glob.hasWildcard(firstItem.value)
                let msg = message(st.label, broad.value, shown, count)
                // Point at the action when one item is to blame, else at the broad resource (`wild`
                // is false only for three hits or fewer, all of them in `shown`).
                // One item to blame: every shown hit comes from the same item (items of one list have
                // distinct pointers, so this is the set of their pointers having one member).
                let pointer = (!wild && shown.allSatisfy { $0.k == first.k }) ? firstItem.pointer : broad.pointer
                out[ci].append(rule.finding(msg, fix: "\(rule.fix) Remove \(RuleSupport.list(shown.prefix(3).map(\.name), total: count, limit: 3)) or scope the Resource to specific ARNs.", at: pointer))
            }
        }
        return out
    }

    /// `LABEL allows on "RESOURCE": name (why); name (why); name (why)[; and N more: names]`, built
    /// in one string of the right size: the interpolations and joins it replaces grew and copied
    /// the text a dozen times per finding (the reasons are long sentences).
    static func message(_ label: String, _ resource: String, _ shown: [(name: String, why: String, k: Int)], _ count: Int) -> String {
        let more = count > 3 ? RuleSupport.list(shown.dropFirst(3).map(\.name), total: count - 3, limit: 6) : ""
        var length = label.utf8.count + resource.utf8.count + 16 + (count > 3 ? more.utf8.count + 24 : 0)
        for h in shown.prefix(3) { length += h.name.utf8.count + h.why.utf8.count + 5 }
        var msg = ""
        msg.reserveCapacity(length)
        msg += label
        msg += " allows on \""
        msg += resource
        msg += "\": "
        for (i, h) in shown.prefix(3).enumerated() {
            if i > 0 { msg += "; " }
            msg += h.name
            msg += " ("
            msg += h.why
            msg += ")"
        }
        if count > 3 {
            msg += "; and "
            msg += String(count - 3)
            msg += " more: "
            msg += more
        }
        return msg
    }

    /// `message` by its definition (interpolation and joins), for tests.
    static func messageByInterpolation(_ label: String, _ resource: String, _ shown: [(name: String, why: String, k: Int)], _ count: Int) -> String {
        let detail = shown.prefix(3).map { "\($0.name) (\($0.why))" }.joined(separator: "; ")
        let more = count > 3 ? "; and \(count - 3) more: \(RuleSupport.list(shown.dropFirst(3).map(\.name), total: count - 3, limit: 6))" : ""
        return "\(label) allows on \"\(resource)\": \(detail)\(more)"
    }
}
