/// `unknown-service`: a service prefix AWS does not have.
public enum UnknownServiceRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM004", slug: "unknown-service", severity: .high,
        title: "Unknown service prefix",
        rationale: """
        A misspelled service prefix (`secretmanager:`, `cloudwatchlogs:`) is accepted by IAM and \
        grants nothing, so the call it was meant for is denied. High for the same reason as \
        unknown-action.
        """,
        fix: "Use the service prefix from the Service Authorization Reference (e.g. secretsmanager, logs, ecr).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretmanager:GetSecretValue","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        // A plain name the catalog resolved has a known service: most items stop there, before a
        // prefix string is built and looked up.
        let resolved = context.memo.resolvedActions(policy)
        for (si, st) in policy.statements.enumerated() {
            for (ii, item) in (st.action?.items ?? []).enumerated() where resolved[si][ii] == nil {
                let v = item.value
                guard let service = RuleSupport.literalService(v), !RuleSupport.catalog.hasService(service) else { continue }
                let suggestions = RuleSupport.suggestions(for: v)
                let dym = suggestions.isEmpty ? "" : "; did you mean \(suggestions.prefix(3).map { "\"\($0)\"" }.joined(separator: " or "))?"
                out.append(description.finding(
                    "\"\(service)\" is not an AWS service prefix\(dym) \"\(v)\" grants nothing.",
                    fix: suggestions.first.map { "Replace \"\(v)\" with \"\($0.contains(":") ? $0 : $0 + v.dropFirst(service.count))\"." } ?? description.fix,
                    at: item.pointer))
            }
        }
        return out
    }
}
