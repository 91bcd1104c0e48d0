/// `data-exfiltration`: Data exfiltration.
public enum DataExfiltrationRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM010", slug: "data-exfiltration", severity: .medium,
        title: "Data exfiltration",
        rationale: """
        The role can read data out of the account on a broad Resource (s3:GetObject on *, secretsmanager:GetSecretValue on *, ssm:GetParameters on *…). Medium: stolen credentials read everything in reach, but the role cannot change anything with these actions.
        """,
        fix: "Scope read actions to the objects, secrets and parameters the task uses.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::app-config/prod.env"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        RiskScan.check(policy, context: context, category: .dataExfiltration)
    }
}
