/// `unknown-condition-key`: a condition key that does not exist, or not for the statement's services.
public enum UnknownConditionKeyRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM015", slug: "unknown-condition-key", severity: .medium,
        title: "Unknown condition key",
        rationale: """
        A key that is not in the request context is absent: `StringEquals` on it never matches (the \
        statement silently stops applying) and `…IfExists`/negated operators always match. IAM does \
        not reject unknown keys. Medium for keys no service defines (usually typos); low for keys \
        that exist but not for any service of the statement's actions.
        """,
        fix: "Use a global key (aws:…) or one the action's service defines.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaServices":"secretsmanager.us-east-1.amazonaws.com"}}}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.us-east-1.amazonaws.com"}}}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        let catalog = RuleSupport.catalog
        var out: [Finding] = []
        var resolved: [[ActionInfo?]]?
        for (si, st) in policy.statements.enumerated() where !st.conditions.isEmpty {
            // A resolved name's service is its catalog prefix (lower-case, known); only the other
            // items are cut and looked up.
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            var services = Set<String>()
            // Consecutive items mostly name one service: it is hashed into the set once per run.
            var last: String?
            for (ii, item) in (st.action?.negated == false ? st.action!.items : []).enumerated() {
                if let a = resolved![si][ii] {
                    if a.service != last { services.insert(a.service); last = a.service }
                    continue
                }
                let v = item.value
                guard let c = v.firstIndex(of: ":") else { continue }
                let prefix = String(v[..<c]).lowercased()
                if catalog.hasService(prefix) { services.insert(prefix) }
            }
            for c in st.conditions {
                if !catalog.conditionKeyExists(c.key) {
                    out.append(description.finding("condition key \"\(c.key)\" is not a global key and no service defines it: it is never in the request context",
                                                   fix: "Check the spelling against the service's condition keys.", at: c.pointer))
                } else if !services.isEmpty, !c.key.lowercased().hasPrefix("aws:"),
                          !services.contains(where: { catalog.conditionKeyKnown(c.key, forService: $0) }) {
                    out.append(description.finding(
                        "condition key \"\(c.key)\" is not defined for \(RuleSupport.list(services.sorted(), limit: 3)): requests for \(st.label)'s actions do not carry it",
                        fix: "Use a key the service of the actions defines, or move the condition to the right statement.",
                        at: c.pointer, severity: .low))
                }
            }
        }
        return out
    }
}
