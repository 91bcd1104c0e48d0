import IAMKit

/// `trust-confused-deputy`: ecs-tasks trusted without aws:SourceAccount / aws:SourceArn.
public enum TrustConfusedDeputyRule: RoleRule {
    public static let description = RuleDescription(
        id: "TR002", slug: "trust-confused-deputy", severity: .low,
        title: "Trust policy without a confused-deputy guard",
        rationale: """
        AWS recommends guarding service trust with `aws:SourceAccount` (StringEquals your account) \
        and `aws:SourceArn` (ArnLike `arn:aws:ecs:REGION:ACCOUNT:*`), so the service can assume the \
        role only on behalf of your account (terraform-aws-iam#535). Low: ECS also requires \
        iam:PassRole from whoever registers the task definition, so the exposure is small, but the \
        guard costs nothing.
        """,
        fix: "Add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"ACCOUNT\"}, \"ArnLike\": {\"aws:SourceArn\": \"arn:aws:ecs:REGION:ACCOUNT:*\"}}.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#, kind: .trust),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:111122223333:*"}}}]}"#, kind: .trust),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let trust = role.trustPolicy else { return [] }
        return trust.policy.statements.compactMap { st in
            guard st.effect == .allow, let p = st.principal, p.values("Service").contains(where: { $0 == "ecs-tasks.amazonaws.com" || $0 == "ecs-tasks.${AWS::URLSuffix}" }) else { return nil }
            let keys = Set(st.conditions.map { $0.key.lowercased() })
            guard !keys.contains("aws:sourceaccount") && !keys.contains("aws:sourcearn") else { return nil }
            let acct = role.taskContext.account ?? role.taskDefinition?.executionRoleArn.flatMap { ARN($0.value)?.account } ?? "ACCOUNT"
            return RoleFinding(description.finding(
                "\(st.label) trusts ecs-tasks.amazonaws.com with no aws:SourceAccount or aws:SourceArn condition",
                fix: "Add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"\(acct)\"}, \"ArnLike\": {\"aws:SourceArn\": \"arn:aws:ecs:*:\(acct):*\"}} (account-wide: a cluster-specific SourceArn makes tasks fail to start).",
                at: st.pointer), in: .trust)
        }
    }
}
