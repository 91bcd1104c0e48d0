/// `infrastructure-modification`: Infrastructure modification.
public enum InfrastructureModificationRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM013", slug: "infrastructure-modification", severity: .medium,
        title: "Infrastructure modification",
        rationale: """
        The role can create, change or destroy compute, network or deployment infrastructure (EC2, ECS, Lambda, CloudFormation… Write actions) on a broad Resource. Medium: damage or cost rather than direct data loss; an execution role needs none of it.
        """,
        fix: "Move infrastructure permissions to a deployment role; the execution role only pulls images, writes logs and reads secrets.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        RiskScan.check(policy, context: context, category: .infrastructureModification)
    }
}
