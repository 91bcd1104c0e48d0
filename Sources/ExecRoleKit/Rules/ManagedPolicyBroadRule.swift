import IAMKit

/// `managed-policy-broad`: an AWS managed policy attached to an execution role.
public enum ManagedPolicyBroadRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER015", slug: "managed-policy-broad", severity: .medium,
        title: "AWS managed policy on an execution role",
        rationale: """
        AWS managed policies are written for every account: AmazonECSTaskExecutionRolePolicy grants \
        the four ECR pull actions and log writes on `*` (every repository and log group in the \
        account), and still lacks logs:CreateLogGroup, secrets, SSM and KMS. A generated policy \
        scoped to the task's repositories, log groups and secrets grants exactly what the task \
        needs. Medium: an over-grant, not a failure.
        """,
        fix: "Replace it with the policy `ecsrole generate --taskdef TASKDEF.json --out -` prints.",
        examples: [
            .triggering("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", kind: .attachedPolicy),
            .passing("arn:aws:iam::111122223333:policy/web-execution-role", kind: .attachedPolicy),
        ])

    static func isAWSManaged(_ arn: String) -> Bool {
        guard let a = ARN(arn) else { return false }
        return a.service == "iam" && a.account == "aws" && a.resource.hasPrefix("policy/")
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var targets: [(arn: String, pointer: String, doc: RoleDocument)] = []
        for a in role.attachedManagedPolicies where isAWSManaged(a.value) { targets.append((a.value, a.pointer, .role)) }
        for (i, src) in role.identityPolicies.enumerated() {
            if let m = src.managedARN, isAWSManaged(m), !targets.contains(where: { $0.arn == m }) { targets.append((m, "", .identity(i))) }
        }
        guard !targets.isEmpty else { return [] }
        let fix = replacement(role)
        return targets.map { t in
            let name = t.arn.split(separator: "/").last.map(String.init) ?? t.arn
            let msg = name == "AmazonECSTaskExecutionRolePolicy"
                ? "AmazonECSTaskExecutionRolePolicy allows the ECR pull actions and CreateLogStream/PutLogEvents on \"*\": every repository and log group in the account (and has no CreateLogGroup, secrets, SSM or KMS)"
                : "the AWS managed policy \(name) is attached to an execution role: it is written for many uses and grants far more than the ECS agent needs to start a task"
            return RoleFinding(description.finding(msg, fix: fix, at: t.pointer), in: t.doc)
        }
    }

    /// The generated least-privilege policy when the task definition allows computing it.
    static func replacement(_ role: RoleUnderReview) -> String {
        if case .success(let (spec, reqs))? = TaskNeedDeniedRule.requirements(role), !reqs.isEmpty,
           spec.account != "*", spec.region != "*" {
            let json = JSONWriter.pretty(PolicyGenerator.identityPolicy(spec, requirements: reqs))
            return "Detach it and attach this policy, generated from the task definition (ecsrole generate --taskdef … writes it with Terraform/CloudFormation versions):\n" + json
        }
        return "Detach it and attach the least-privilege policy `ecsrole generate --taskdef TASKDEF.json --out -` prints for the task definition (pass --account/--region if it does not name them)."
    }
}
