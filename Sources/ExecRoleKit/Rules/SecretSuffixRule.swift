import IAMKit

/// `secret-suffix`: the 6-character random suffix of secret ARNs matched wrongly.
public enum SecretSuffixRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER005", slug: "secret-suffix", severity: .high,
        title: "Wrong wildcard for a secret's random suffix",
        rationale: """
        Secrets Manager appends `-` and 6 random characters to every secret ARN. A policy that \
        knows only the name must match `NAME-??????`: 7 `?` (or any count other than 6) never \
        matches, and neither does `-??????` after a name that already ends in its suffix \
        (aws-cdk#27530) — high, the secret cannot be read and the task does not start. `NAME*` \
        matches but also grants `NAME-prod-…` and every other secret whose name starts the same — \
        medium, an over-grant.
        """,
        fix: "Use the full ARN, or `NAME-??????` (exactly six `?`).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-password-???????"}]}"#, note: "7 ?"),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db*"}]}"#, note: "over-grant"),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-Ab3dE9-??????"}]}"#, note: "suffix twice"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":["arn:aws:secretsmanager:us-east-1:111122223333:secret:db-password-??????","arn:aws:secretsmanager:us-east-1:111122223333:secret:api-Ab3dE9","arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/*"]}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        // Only the Resources that may be Secrets Manager ARNs (the index sorts them out once per role).
        for candidate in role.index.resources(of: .secretsmanager) {
            let st = candidate.statement, r = candidate.resource
            guard let arn = RoleSupport.arn(r.value, service: "secretsmanager"), let parts = RoleSupport.secretParts(arn), let name = parts.first, !name.isEmpty else { continue }
            if let f = examine(name: name, arn: arn, value: r.value) {
                out.append(RoleSupport.hit(description, st, f.message, fix: f.fix, at: r.pointer, severity: f.severity))
            }
        }
        return out
    }

    static func examine(name: String, arn: ARN, value: String) -> (message: String, fix: String, severity: Severity)? {
        func with(_ n: String) -> String { var a = arn; a.resource = "secret:" + n; return a.description }
        let q = name.reversed().prefix { $0 == "?" }.count
        if q > 0 {
            let stem = String(name.dropLast(q))
            if stem.hasSuffix("-") {
                let bare = String(stem.dropLast())
                if q != 6 {
                    return ("\"\(value)\" ends in \(q) \"?\" after the hyphen; the random suffix is exactly 6 characters, so this never matches and the secret cannot be read",
                            "Use \"\(with(bare + "-??????"))\".", .high)
                }
                if Requirements.hasRandomSuffix(with(bare)) == true {
                    let base = String(bare.dropLast(7))
                    return ("\"\(value)\": the name \"\(bare)\" already ends in its random suffix, so \"-??????\" expects a second one and never matches",
                            "Use the full ARN \"\(with(bare))\" (or \"\(with(base + "-??????"))\").", .high)
                }
                return nil
            }
            if q != 7 && !stem.isEmpty {
                return ("\"\(value)\" ends in \(q) \"?\" without a hyphen; secret ARNs end in \"-\" plus 6 characters, so this never matches",
                        "Use \"\(with(stem + "-??????"))\".", .high)
            }
            return nil
        }
        // `NAME*` / `NAME-*`: a trailing star after a name (not after a path `/`) over-grants.
        if name.hasSuffix("*"), name.filter({ $0 == "*" }).count == 1 {
            var stem = String(name.dropLast())
            guard !stem.isEmpty, !stem.hasSuffix("/") else { return nil }
            if stem.hasSuffix("-") { stem.removeLast() }
            return ("\"\(value)\" also matches every other secret whose name starts with \"\(stem)\" (e.g. \"\(stem)-prod\", \"\(stem)2\"): an over-grant",
                    "Use \"\(with(stem + "-??????"))\" to match only the secret named \"\(stem)\".", .medium)
        }
        return nil
    }
}
