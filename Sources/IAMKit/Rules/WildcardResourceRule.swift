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
        var resolved: [[ActionInfo?]]?
        var s = ScopeSummary()
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated, let star = r.items.first(where: { $0.value == "*" }) else { continue }
            guard let granted = st.action, !granted.negated else { continue }
            // Per-item answers (`ScopableFacts`): `*` alone has ~15,000 scopable actions.
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            s.reset()
            let items = granted.items, row = resolved![si]
            for k in items.indices {
                // A resolved name is never a pattern (`PolicyMemo`): answered before the wildcard test.
                if let a = row[k] {
                    s.add(a)
                } else if Glob.hasWildcard(items[k].value) {
                    s.add(ScopableFacts.pattern(items[k].value))
                }
            }
            let nameCount = s.nameCount()
            guard nameCount > 0 else { continue }
            out.append(description.finding(
                "\(st.label) allows \(list(s.names, count: nameCount, limit: 5)) on every resource, though \(nameCount == 1 ? "it supports" : "they support") resource-level permissions (\(list(s.types, count: s.typeCount, limit: 4)))",
                fix: "Replace \"*\" with the ARNs of the \(list(s.types, count: s.typeCount, limit: 3)) the role needs; keep actions that only work on * (like ecr:GetAuthorizationToken) in a statement of their own.",
                at: star.pointer))
        }
        return out
    }

    /// `RuleSupport.list` of a list known by its first names and its length.
    private static func list(_ shown: [String], count: Int, limit: Int) -> String {
        RuleSupport.list(shown, total: count, limit: limit)
    }
}
