/// `not-resource-allow`: Allow with NotResource grants on everything except a list.
public enum NotResourceAllowRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .resource]
    public static let description = RuleDescription(
        id: "IAM008", slug: "not-resource-allow", severity: .high,
        title: "Allow with NotResource",
        rationale: """
        `"Effect": "Allow"` with `NotResource` allows the actions on every resource except those \
        listed, in every account and region the actions reach, including resources created later. \
        High: an unbounded grant that reads like a restriction.
        """,
        fix: "Use Resource with the ARNs the role needs; keep NotResource for Deny statements.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","NotResource":"arn:aws:secretsmanager:*:*:secret:admin-*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"secretsmanager:GetSecretValue","NotResource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:app-*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        policy.statements.compactMap { st in
            guard st.effect == .allow, let r = st.resource, r.negated else { return nil }
            let actions = st.action.map { RuleSupport.list($0.values, limit: 4) } ?? "its actions"
            return description.finding(
                "\(st.label) allows \(actions) on every resource except \(RuleSupport.list(r.values, limit: 3))",
                fix: "Replace NotResource with a Resource list of the ARNs needed.", at: r.pointer)
        }
    }
}
