/// `privilege-escalation`: Privilege escalation.
public enum PrivilegeEscalationRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM009", slug: "privilege-escalation", severity: .high,
        title: "Privilege escalation",
        rationale: """
        The role can grant itself (or a principal it controls) more permissions: one of the escalation methods Rhino Security Labs catalogued (as Cloudsplaining lists them), or one of its ECS variants, is fully granted on a broad Resource. Methods that need several actions are reported only when the policy grants all of them. High: whoever steals the credentials of an execution role (any process on the EC2 container instance can reach them) becomes an administrator.
        """,
        fix: "An execution role needs none of these actions.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        RiskScan.check(policy, context: context, category: .privilegeEscalation)
    }
}
