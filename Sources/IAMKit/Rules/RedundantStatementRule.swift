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

    static func covers(_ outer: Statement, _ inner: Statement) -> Bool {
        covers(outer, inner, outerActions: outer.action?.values.map { $0.lowercased() } ?? [],
               innerActions: inner.action?.values.map { $0.lowercased() } ?? [])
    }

    /// `covers` with the actions already lower-cased: `check` compares every pair of statements,
    /// and lower-casing inside each comparison was most of this rule's time.
    static func covers(_ outer: Statement, _ inner: Statement, outerActions: [String], innerActions: [String]) -> Bool {
        guard outer.effect == .allow, inner.effect == .allow, outer.conditions.isEmpty, outer.conditionPointer == nil,
              let oa = outer.action, !oa.negated, let ia = inner.action, !ia.negated,
              let orr = outer.resource, !orr.negated, let ir = inner.resource, !ir.negated,
              !ia.items.isEmpty, !ir.items.isEmpty else { return false }
        let actionsCovered = innerActions.allSatisfy { i in outerActions.contains { Glob.covers($0, i) } }
        let resourcesCovered = ir.values.allSatisfy { i in orr.values.contains { Glob.covers($0, i) } }
        return actionsCovered && resourcesCovered
    }

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        let sts = policy.statements
        let lowered = sts.map { $0.action?.values.map { $0.lowercased() } ?? [] }
        // `covers`' own guards, once per statement instead of per pair: most pairs fail them, and
        // managed policies reach 100 statements.
        let canCover = sts.map { $0.effect == .allow && $0.conditions.isEmpty && $0.conditionPointer == nil
            && $0.action?.negated == false && $0.resource?.negated == false }
        let canBeCovered = sts.map { $0.effect == .allow && $0.action?.negated == false && $0.resource?.negated == false
            && !($0.action?.items.isEmpty ?? true) && !($0.resource?.items.isEmpty ?? true) }
        for i in sts.indices where canBeCovered[i] {
            let inner = sts[i]
            for j in sts.indices where i != j && canCover[j] && covers(sts[j], inner, outerActions: lowered[j], innerActions: lowered[i]) {
                let outer = sts[j]
                // Two identical statements cover each other: report only the later one.
                if covers(inner, outer, outerActions: lowered[i], innerActions: lowered[j]) && inner.conditions.isEmpty && i < j { continue }
                out.append(description.finding(
                    "\(inner.label) is fully covered by \(outer.label) (same or broader actions and resources, no condition): it grants nothing more",
                    fix: "Delete \(inner.label), or narrow \(outer.label) if it grants more than intended.", at: inner.pointer))
                break
            }
        }
        return out
    }
}
