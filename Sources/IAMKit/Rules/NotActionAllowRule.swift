/// `not-action-allow`: Allow with NotAction grants everything except a list.
public enum NotActionAllowRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .resource]
    public static let description = RuleDescription(
        id: "IAM007", slug: "not-action-allow", severity: .high,
        title: "Allow with NotAction",
        rationale: """
        `"Effect": "Allow"` with `NotAction` allows every action of every service except those \
        listed, including actions AWS adds later. It is almost never what an author means on a \
        role. High: a near-administrator grant.
        """,
        fix: "Use Action with the actions needed; keep NotAction for Deny statements.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"ecr:*","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        policy.statements.compactMap { st in
            guard st.effect == .allow, let a = st.action, a.negated else { return nil }
            let resources = st.resource.map { $0.negated ? "all resources except \(RuleSupport.list($0.values, limit: 3))" : RuleSupport.list($0.values, limit: 3) } ?? "any resource"
            return description.finding(
                "\(st.label) allows every action except \(RuleSupport.list(a.values, limit: 4)) on \(resources)",
                fix: "Replace NotAction with an Action list of what the role needs.", at: a.pointer)
        }
    }
}
