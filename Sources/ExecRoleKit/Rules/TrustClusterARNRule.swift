import IAMKit

/// `trust-cluster-arn`: a cluster-specific aws:SourceArn in the trust policy.
public enum TrustClusterARNRule: RoleRule {
    public static let description = RuleDescription(
        id: "TR003", slug: "trust-cluster-arn", severity: .high,
        title: "Cluster-specific aws:SourceArn in the trust policy",
        rationale: """
        ECS supports the confused-deputy guard only at account level: `aws:SourceArn` must be \
        `arn:aws:ecs:REGION:ACCOUNT:*`. A cluster (or other specific) ARN is not supported and tasks \
        fail to start because ECS cannot assume the role. High: the task does not start.
        """,
        fix: "Use `arn:aws:ecs:REGION:ACCOUNT:*` as the aws:SourceArn value.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:111122223333:cluster/prod"}}}]}"#, kind: .trust),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:111122223333:*"}}}]}"#, kind: .trust),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let trust = role.trustPolicy else { return [] }
        var out: [RoleFinding] = []
        for st in trust.policy.statements where st.effect == .allow {
            for c in st.conditions where c.key.lowercased() == "aws:sourcearn" && !c.op.negated {
                for v in c.values {
                    guard let arn = ARN(v.value), arn.service == "ecs" || arn.service == "*" else { continue }
                    guard arn.resource != "*" else { continue }
                    let fixed = "arn:\(arn.partition):ecs:\(arn.region.isEmpty ? "*" : arn.region):\(arn.account.isEmpty ? "*" : arn.account):*"
                    out.append(RoleFinding(description.finding(
                        "aws:SourceArn \"\(v.value)\" names a specific \(arn.resourceType.isEmpty ? "resource" : arn.resourceType); ECS supports only the account-wide form, so tasks fail to start (ECS cannot assume the role)",
                        fix: "Use \"\(fixed)\".", at: v.pointer), in: .trust))
                }
            }
        }
        return out
    }
}
