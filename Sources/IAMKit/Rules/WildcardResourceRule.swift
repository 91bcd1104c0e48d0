/// `wildcard-resource`: `"Resource": "*"` for actions that could be scoped to ARNs.
public enum WildcardResourceRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM006", slug: "wildcard-resource", severity: .medium,
        title: "Wildcard resource for actions that support resource-level permissions",
        rationale: """
        `"Resource": "*"` lets the role act on every repository, log group, secret or key in the \
        account. Only actions that support resource-level permissions are reported: actions such as \
        ecr:GetAuthorizationToken work only with `*`, so flagging them would be a false alarm \
        (checkov#988). List-level actions are not reported either. Medium: an over-grant, not a failure.
        """,
        fix: "Scope the Resource to the ARNs the role needs.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#,
                     note: "GetAuthorizationToken has no resource-level permissions: * is required"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        for st in policy.statements {
            guard st.effect == .allow, let r = st.resource, !r.negated, let star = r.items.first(where: { $0.value == "*" }) else { continue }
            guard let granted = st.action, !granted.negated else { continue }
            // Per-pattern answers (`PatternFacts`): `*` alone has ~15,000 scopable actions.
            var names: [String] = [], types = Set<String>()
            if granted.items.count == 1 {
                let facts = PatternFacts.scopable(granted.items[0].value)
                names = facts.names
                types = facts.types
            } else {
                var seen = Set<String>()
                for item in granted.items {
                    let facts = PatternFacts.scopable(item.value)
                    for n in facts.names where seen.insert(n).inserted { names.append(n) }
                    types.formUnion(facts.types)
                }
            }
            guard !names.isEmpty else { continue }
            let sortedTypes = types.sorted()
            out.append(description.finding(
                "\(st.label) allows \(RuleSupport.list(names)) on every resource, though \(names.count == 1 ? "it supports" : "they support") resource-level permissions (\(RuleSupport.list(sortedTypes, limit: 4)))",
                fix: "Replace \"*\" with the ARNs of the \(RuleSupport.list(sortedTypes, limit: 3)) the role needs; keep actions that only work on * (like ecr:GetAuthorizationToken) in a statement of their own.",
                at: star.pointer))
        }
        return out
    }
}
