import IAMKit

/// `secret-ref-tail`: a `valueFrom` with its `:json-key:stage:id` tail pasted into Resource.
public enum SecretRefTailRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER004", slug: "secret-ref-tail", severity: .high,
        title: "Secret reference tail in a Resource",
        rationale: """
        In a task definition, `valueFrom` may end in `:json-key:version-stage:version-id` to pick a \
        JSON key or version. The agent still calls secretsmanager:GetSecretValue on the secret's \
        own ARN, so a Resource copied with that tail never matches (terraform-aws-consul-ecs#135) \
        and the task fails with ResourceInitializationError. High: the task does not start.
        """,
        fix: "Use the secret ARN without the tail (everything up to the 6-character suffix).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:password::"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        // Only the Resources that may be Secrets Manager ARNs (the index sorts them out once per role).
        for candidate in role.index.resources(of: .secretsmanager) {
            let st = candidate.statement, r = candidate.resource
            guard let arn = RoleSupport.arn(r.value, service: "secretsmanager"), let parts = RoleSupport.secretParts(arn), parts.count > 1 else { continue }
            var base = arn
            base.resource = "secret:" + parts[0]
            let tail = parts.dropFirst().joined(separator: ":")
            let key = parts.count > 1 && !parts[1].isEmpty && parts[1] != "*" ? " (json-key \"\(parts[1])\")" : ""
            out.append(RoleSupport.hit(description, st,
                "\"\(r.value)\" carries the valueFrom tail \":\(tail)\"\(key); the agent requests the secret ARN without it, so this never matches and the secret cannot be read",
                fix: "Use \"\(base)\" (the tail belongs only in the task definition's valueFrom).", at: r.pointer))
        }
        return out
    }
}
