/// `resource-exposure`: Resource exposure.
public enum ResourceExposureRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM011", slug: "resource-exposure", severity: .high,
        title: "Resource exposure",
        rationale: """
        The role can change who may access resources (resource policies, grants, ACLs: every Permissions-management action) on a broad Resource, e.g. make a bucket public or share a key. High: one call exposes data to the world, and an execution role never needs it.
        """,
        fix: "Remove permissions-management actions from the execution role.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        RiskScan.check(policy, context: context, category: .resourceExposure)
    }
}
