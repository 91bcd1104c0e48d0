import IAMKit

/// `ssm-secret-reference`: `/aws/reference/secretsmanager/` without secretsmanager:GetSecretValue.
public enum SSMSecretReferenceRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER006", slug: "ssm-secret-reference", severity: .high,
        title: "SSM reference to a secret without GetSecretValue",
        rationale: """
        A `valueFrom` of `/aws/reference/secretsmanager/NAME` reads a Secrets Manager secret through \
        Parameter Store: the call needs ssm:GetParameters on the reference path AND \
        secretsmanager:GetSecretValue on the secret (copilot-cli#1368). With only the SSM grant the \
        task fails with ResourceInitializationError. High: the task does not start.
        """,
        fix: "Also allow secretsmanager:GetSecretValue on `arn:…:secret:NAME-??????`.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/db"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/db"},{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????"}]}"#),
        ])

    static let prefix = "parameter/aws/reference/secretsmanager/"

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        // Without a Resource that may be an SSM ARN there is nothing to find: most roles stop here,
        // before the two `allows` walks over every statement.
        guard !role.index.resources(of: .ssm).isEmpty else { return [] }
        var out: [RoleFinding] = []
        for st in RoleSupport.allows(role, action: "ssm:GetParameters") + RoleSupport.allows(role, action: "ssm:GetParameter") {
            for r in st.resources {
                guard let arn = RoleSupport.arn(r.value, service: "ssm"), arn.resource.hasPrefix(prefix) else { continue }
                let name = String(arn.resource.dropFirst(prefix.count))
                guard !name.isEmpty else { continue }
                let region = arn.region.isEmpty ? "*" : arn.region, account = arn.account.isEmpty ? "*" : arn.account
                let probe = "arn:\(arn.partition):secretsmanager:\(region):\(account):secret:\(name.hasSuffix("*") ? name : name + "-Ab3dE9")"
                if case .allowed = AccessCheck.evaluate(.init(action: "secretsmanager:GetSecretValue", resource: probe), role: role) { continue }
                let secretGrant = "arn:\(arn.partition):secretsmanager:\(region):\(account):secret:\(name.hasSuffix("*") ? name : name + "-??????")"
                out.append(RoleSupport.hit(description, st,
                    "\"\(r.value)\" reads the Secrets Manager secret \"\(name)\" through Parameter Store, but the role does not allow secretsmanager:GetSecretValue on it: the task fails with ResourceInitializationError",
                    fix: "Add an Allow for secretsmanager:GetSecretValue on \"\(secretGrant)\".", at: r.pointer))
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.finding.pointer).inserted }
    }
}
