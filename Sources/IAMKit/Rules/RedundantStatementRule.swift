/// `redundant-statement`: an Allow statement another Allow already covers.
public enum RedundantStatementRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM016", slug: "redundant-statement", severity: .low,
        title: "Redundant statement",
        rationale: """
        A statement whose actions and resources are all covered by another unconditional Allow \
        adds nothing but length (the 6,144-character managed-policy limit is easy to reach with \
        per-secret ARNs) and confusion: narrowing it does not narrow the grant. Low: no effect on \
        access.
        """,
        fix: "Delete the covered statement, or narrow the broader one.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"},{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:CreateLogStream","Resource":"*"},{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}"#),
        ])

    /// What the broader statement needs: an unconditional Allow of Action and Resource lists.
    private static func canCover(_ s: Statement) -> Bool {
        s.effect == .allow && s.conditions.isEmpty && s.conditionPointer == nil
            && s.action?.negated == false && s.resource?.negated == false
    }

    /// What the covered statement needs: an Allow with non-empty Action and Resource lists.
    private static func canBeCovered(_ s: Statement) -> Bool {
        s.effect == .allow && s.action?.negated == false && s.resource?.negated == false
            && !(s.action?.items.isEmpty ?? true) && !(s.resource?.items.isEmpty ?? true)
    }

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        let sts = policy.statements
        guard sts.count > 1 else { return out }
        // The guards once per statement instead of per pair: most pairs fail them.
        let canCover = sts.map(canCover), canBeCovered = sts.map(canBeCovered)
        // Candidates: a statement whose actions are all ASCII literals covers another only if it
        // holds that one's first action, so index those by the action's hash (sorted pairs, no
        // dictionary); the others (patterns, non-ASCII) are tried for every statement. Nine pairs
        // in ten drop out before any list is built.
        var keyed: [(hash: UInt64, index: Int)] = [], open: [Int] = []
        for j in sts.indices where canCover[j] {
            var hashes: [UInt64] = []
            let items = sts[j].action?.items ?? []
            for k in items.indices {
                guard let h = CoverList.literalKey(items[k].value) else { hashes = []; open.append(j); break }
                hashes.append(h)
            }
            for h in hashes { keyed.append((h, j)) }
        }
        keyed.sort { ($0.hash, $0.index) < ($1.hash, $1.index) }
        // Each list converted once, when a candidate pair first needs it (`CoverList`): converting
        // per pair was most of this rule's time. Resources only matter once the actions are covered.
        var actions = [CoverList?](repeating: nil, count: sts.count)
        var resources = [CoverList?](repeating: nil, count: sts.count)
        func prepare(_ k: Int) {
            if actions[k] == nil { actions[k] = CoverList(sts[k].action?.items ?? [], lowercase: true) }
        }
        func covers(_ outer: Int, _ inner: Int) -> Bool {
            prepare(outer); prepare(inner)
            guard actions[outer]!.coversAll(actions[inner]!) else { return false }
            for k in [outer, inner] where resources[k] == nil {
                resources[k] = CoverList(sts[k].resource?.items ?? [], lowercase: false)
            }
            return resources[outer]!.coversAll(resources[inner]!)
        }
        for i in sts.indices where canBeCovered[i] {
            for j in candidates(sts[i].action!.items[0].value, keyed, open) where i != j && covers(j, i) {
                // Two identical statements cover each other: report only the later one.
                if i < j && canCover[i] && canBeCovered[j] && covers(i, j) { continue }
                let inner = sts[i].label, outer = sts[j].label
                out.append(description.finding(
                    "\(inner) is fully covered by \(outer) (same or broader actions and resources, no condition): it grants nothing more",
                    fix: "Delete \(inner), or narrow \(outer) if it grants more than intended.", at: sts[i].pointer))
                break
            }
        }
        return out
    }

    /// The statements that might cover one whose first action is `first`, ascending: those
    /// holding `first` literally, merged with `open`. Only `open` when the first action is a pattern or not
    /// ASCII: a list of ASCII literals covers neither.
    private static func candidates(_ first: String, _ keyed: [(hash: UInt64, index: Int)], _ open: [Int]) -> [Int] {
        guard let h = CoverList.literalKey(first) else { return open }
        var lo = 0, hi = keyed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keyed[mid].hash < h { lo = mid + 1 } else { hi = mid }
        }
        if lo == keyed.count || keyed[lo].hash != h { return open }
        var out: [Int] = [], o = 0
        while lo < keyed.count && keyed[lo].hash == h {
            let j = keyed[lo].index
            lo += 1
            if out.last == j { continue }
            while o < open.count && open[o] < j { out.append(open[o]); o += 1 }
            out.append(j)
        }
        out.append(contentsOf: open[o...])
        return out
    }
}
