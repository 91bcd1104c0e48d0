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
            var scopable: [ActionInfo] = []
            var seen = Set<String>()
            for (_, actions) in RuleSupport.grantedActions(st) {
                for a in actions where a.supportsResourceLevelPermissions && a.accessLevel != .list && seen.insert(a.fullName).inserted {
                    scopable.append(a)
                }
            }
            guard !scopable.isEmpty else { continue }
            let types = Set(scopable.flatMap { $0.resourceTypes.map(\.name) }).sorted()
            out.append(description.finding(
                "\(st.label) allows \(RuleSupport.list(scopable.map(\.fullName))) on every resource, though \(scopable.count == 1 ? "it supports" : "they support") resource-level permissions (\(RuleSupport.list(types, limit: 4)))",
                fix: "Replace \"*\" with the ARNs of the \(RuleSupport.list(types, limit: 3)) the role needs; keep actions that only work on * (like ecr:GetAuthorizationToken) in a statement of their own.",
                at: star.pointer))
        }
        return out
    }
}
