/// `credentials-exposure`: Credentials exposure.
public enum CredentialsExposureRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM012", slug: "credentials-exposure", severity: .high,
        title: "Credentials exposure",
        rationale: """
        The role can obtain credentials, tokens or passwords on a broad Resource (iam:CreateAccessKey, sts:AssumeRole on *, ecr:GetAuthorizationToken is in the tables but not reported, because the image pull needs it and it only works on *). High: new credentials outlive the task and the stolen session.
        """,
        fix: "Remove the credential-issuing actions, or scope them to named principals.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        RiskScan.check(policy, context: context, category: .credentialsExposure)
    }
}
