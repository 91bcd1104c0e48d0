import IAMKit

/// `kms-decrypt-missing`: secrets encrypted with a customer managed key, without kms:Decrypt.
public enum KMSDecryptMissingRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER008", slug: "kms-decrypt-missing", severity: .high,
        title: "kms:Decrypt missing for customer-managed-key secrets",
        rationale: """
        Secrets and SecureString parameters encrypted with a customer managed KMS key need \
        kms:Decrypt on that key's ARN (and the key policy must allow the role); with the AWS managed \
        keys (aws/secretsmanager, aws/ssm) nothing is needed. When the keys are known (`--kms-key`) \
        and the role cannot decrypt with them, the task fails to start: high. When they are not \
        known and the role reads secrets or parameters without any kms:Decrypt, the rule leaves an \
        info note, because that is right for AWS managed keys.
        """,
        fix: "Allow kms:Decrypt on the key ARN, optionally with kms:ViaService = secretsmanager.REGION.amazonaws.com / ssm.REGION.amazonaws.com.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-Ab3dE9"}]}"#,
                        note: "info: no kms:Decrypt at all"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-Ab3dE9"},{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        let keys = role.taskContext.kmsKeys
        if !keys.isEmpty {
            let td = role.taskDefinition
            let firstSecret = td?.containers.lazy.flatMap { $0.secrets }.first
            for k in keys {
                let region = ARN(k)?.region ?? "*"
                let vias = ["secretsmanager", "ssm"].map { "\($0).\(region).\(Partition(rawValue: ARN(k)?.partition ?? "aws")?.dnsSuffix ?? "amazonaws.com")" }
                let denied = vias.filter { v in
                    if case .allowed = AccessCheck.evaluate(.init(action: "kms:Decrypt", resource: k, context: ["kms:viaservice": v]), role: role) { return false }
                    return true
                }
                guard denied.count == vias.count else { continue }
                let msg = "the task's secrets are encrypted with \(k), but the role does not allow kms:Decrypt on it: the task fails with ResourceInitializationError (unable to pull secrets)"
                let fix = "Add {\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \"\(k)\"} (and make sure the key policy allows the role)."
                if let s = firstSecret {
                    out.append(RoleFinding(description.finding(msg, fix: fix, at: s.valueFrom.pointer), in: .taskDefinition))
                } else {
                    out.append(RoleFinding(description.finding(msg, fix: fix, at: ""), in: .role))
                }
            }
            return out
        }
        // Without building the lists: most roles have no kms:Decrypt and no reader, so the
        // statements were walked three times into arrays only to find them empty.
        let index = role.index
        guard !index.anyAllows("kms:Decrypt") else { return [] }
        func reads(_ st: RoleStatement) -> Bool {
            !st.items(naming: "secretsmanager:GetSecretValue").isEmpty || !st.items(naming: "ssm:GetParameters").isEmpty
        }
        // The first reader among the Allows of GetSecretValue, then among those of GetParameters.
        let secrets = ActionKey.query("secretsmanager:GetSecretValue"), parameters = ActionKey.query("ssm:GetParameters")
        guard let st = index.statements.first(where: { $0.isAllow && $0.covers("secretsmanager:GetSecretValue", key: secrets) && reads($0) })
            ?? index.statements.first(where: { $0.isAllow && $0.covers("ssm:GetParameters", key: parameters) && reads($0) }) else { return [] }
        out.append(RoleSupport.hit(description, st,
            "the role reads secrets or parameters but has no kms:Decrypt: right for the AWS managed keys (aws/secretsmanager, aws/ssm), but any secret or SecureString encrypted with a customer managed key will fail to load",
            fix: "If a customer managed key encrypts them, allow kms:Decrypt on its key ARN (lint with --kms-key KEY-ARN to check).",
            at: st.statement.pointer, severity: .info))
        return out
    }
}
