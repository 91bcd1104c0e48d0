import IAMKit

/// `plaintext-secret-env`: secrets written into `environment`.
public enum PlaintextSecretEnvRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD005", slug: "plaintext-secret-env", severity: .medium,
        title: "Secret in plaintext environment",
        rationale: """
        `environment` values are stored in the task definition in clear text: anyone with \
        ecs:DescribeTaskDefinition, the console, CloudTrail and CI logs can read them. Secrets belong \
        in `secrets` (Secrets Manager or SSM SecureString), which the execution role fetches at \
        start. High when the value itself is a credential (an AKIA… access key id, a private key); \
        medium when only the name (PASSWORD, SECRET, TOKEN, API_KEY…) suggests one.
        """,
        fix: "Move the value to Secrets Manager or SSM and reference it from `secrets` with valueFrom.",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"DB_PASSWORD","value":"hunter2"}]}]}"#, kind: .taskDefinition),
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"AWS_KEY","value":"AKIAIOSFODNN7EXAMPLE"}]}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[{"name":"LOG_LEVEL","value":"info"},{"name":"DB_PASSWORD_SECRET_ARN","value":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-Ab3dE9"}]}]}"#, kind: .taskDefinition),
        ])

    static let nameWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL", "AUTH_KEY"]

    static func credentialValue(_ v: String) -> String? {
        let bytes = Array(v.utf8)
        if bytes.count >= 20 {
            for i in 0...(bytes.count - 20) where (v.utf8.dropFirst(i).starts(with: "AKIA".utf8) || v.utf8.dropFirst(i).starts(with: "ASIA".utf8)) {
                let tail = bytes[(i + 4)..<(i + 20)]
                if tail.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }) { return "an AWS access key id" }
            }
        }
        if v.contains("-----BEGIN") && v.contains("PRIVATE KEY") { return "a private key" }
        if v.hasPrefix("ghp_") || v.hasPrefix("github_pat_") || v.hasPrefix("xoxb-") || v.hasPrefix("sk_live_") { return "an API token" }
        return nil
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        var out: [RoleFinding] = []
        for c in td.containers {
            for e in c.environment {
                let fix = "Store it in Secrets Manager or SSM Parameter Store and replace the entry with {\"name\": \"\(e.name)\", \"valueFrom\": \"ARN\"} under \"secrets\" of container \"\(c.name)\"."
                if let kind = credentialValue(e.value) {
                    out.append(RoleFinding(description.finding("container \"\(c.name)\": environment variable \(e.name) holds \(kind) in clear text",
                                                               fix: fix, at: e.pointer + "/value", severity: .high), in: .taskDefinition))
                    continue
                }
                let upper = e.name.uppercased()
                guard let word = nameWords.first(where: { upper.contains($0) }), !e.value.isEmpty else { continue }
                // References to where a secret lives are not the secret.
                if e.value.hasPrefix("arn:") || upper.hasSuffix("_ARN") || upper.hasSuffix("_NAME") || upper.hasSuffix("_PATH") || upper.hasSuffix("_FILE") { continue }
                out.append(RoleFinding(description.finding("container \"\(c.name)\": environment variable \(e.name) looks like a secret (\(word)) and is stored in clear text in the task definition",
                                                           fix: fix, at: e.pointer + "/value"), in: .taskDefinition))
            }
        }
        return out
    }
}
