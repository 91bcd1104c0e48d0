import IAMKit

/// `kms-alias-resource`: kms:Decrypt scoped to an alias ARN, or a malformed key ARN.
public enum KMSAliasResourceRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER007", slug: "kms-alias-resource", severity: .high,
        title: "KMS alias or malformed key ARN as Resource",
        rationale: """
        kms:Decrypt is authorized against the KEY ARN (`arn:…:kms:REGION:ACCT:key/KEY-ID`). An alias \
        ARN in Resource matches only the alias resource, never the key, so decryption of the \
        secret is denied; so is a malformed key ARN such as `key/arn:aws:kms:…` (a whole ARN pasted \
        after `key/`) or `key/alias/…`. High: secrets encrypted with the key cannot be read and the \
        task does not start.
        """,
        fix: "Use the key ARN (`aws kms describe-key --key-id alias/NAME` prints it); to scope by alias use the kms:ResourceAliases condition.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:alias/app-secrets"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        // Only the Resources that may be KMS ARNs (the index sorts them out once per role), of the
        // statements covering kms:Decrypt: `RoleSupport.covering` walked every statement.
        var current: RoleStatement?
        var covers = false
        for candidate in role.index.resources(of: .kms) {
            let st = candidate.statement, r = candidate.resource
            if st !== current { current = st; covers = st.covers(action: "kms:Decrypt") }
            guard covers, let arn = RoleSupport.arn(r.value, service: "kms") else { continue }
            if arn.resourceType == "alias" {
                out.append(RoleSupport.hit(description, st,
                    "kms:Decrypt on the alias ARN \"\(r.value)\" matches only the alias, never the key behind it: decrypting the secret is denied",
                    fix: "Replace it with the key ARN (arn:\(arn.partition):kms:\(arn.region):\(arn.account):key/KEY-ID; `aws kms describe-key --key-id \(arn.resource)` prints it), or keep Resource on keys and add the condition \"ForAnyValue:StringEquals\": {\"kms:ResourceAliases\": \"\(arn.resource)\"}.",
                    at: r.pointer))
            } else if arn.resourceType == "key" {
                let id = arn.resourceName
                if id.hasPrefix("arn:") || id.contains(":") {
                    let inner = id.hasPrefix("arn:") ? ARN(id) : nil
                    let fixed = inner.map { $0.description } ?? "arn:\(arn.partition):kms:\(arn.region):\(arn.account):key/KEY-ID"
                    out.append(RoleSupport.hit(description, st,
                        "\"\(r.value)\" is a malformed key ARN: a whole ARN (or a \":\") follows \"key/\", so it matches no key and kms:Decrypt is denied",
                        fix: "Use \"\(fixed)\".", at: r.pointer))
                } else if id.hasPrefix("alias/") {
                    out.append(RoleSupport.hit(description, st,
                        "\"\(r.value)\" puts an alias after \"key/\": keys are named by id, so this matches no key and kms:Decrypt is denied",
                        fix: "Use the key ARN with the key id (aws kms describe-key --key-id \(id)).", at: r.pointer))
                }
            }
        }
        return out
    }
}
