import IAMKit

/// `policy-size`: a policy longer than IAM accepts.
public enum PolicySizeRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER013", slug: "policy-size", severity: .high,
        title: "Policy exceeds IAM's size limit",
        rationale: """
        IAM limits a managed policy to 6,144 characters, all inline policies of a role together to \
        10,240, and a trust policy to 2,048 (raisable to 4,096), counting characters without the \
        whitespace outside strings. Per-secret ARNs for many containers reach the limit quickly; \
        CreatePolicy/PutRolePolicy then fail with LimitExceeded. High: the role cannot be deployed. \
        A policy of unknown storage (a bare file) is checked against the managed limit.
        """,
        fix: "Use wildcards that keep the scope (`arn:…:secret:prod/app/*`), merge statements with the same actions, or split into several managed policies (10 per role by default).",
        examples: [
            .triggering(PolicySizeRule.bigExample),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#),
        ])

    /// A policy with 80 secret ARNs (about 7,000 characters).
    static var bigExample: String {
        let arns = (0..<80).map { "\"arn:aws:secretsmanager:us-east-1:111122223333:secret:service-\($0)/database-password-Ab3dE9\"" }
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":["# + arns.joined(separator: ",") + "]}]}"
    }

    /// IAM's count: the document without whitespace outside strings.
    public static func size(of source: PolicySource) -> Int {
        // Counted on the parsed nodes (`JSONNode.compactScalarCount`): converting the tree to `JSON`
        // first allocated a copy of every policy of a corpus just to count it.
        // A policy that is its whole document (a bare policy file, a decoded policy string) has the
        // count the parser made while reading it.
        if let doc = source.document, let ptr = rootPointer(source.policy) {
            if ptr.isEmpty { return doc.rootCompactScalarCount }
            if let root = doc.root.node(at: ptr) { return root.compactScalarCount }
        }
        return JSONWriter.compactScalarCount(PolicyWriter.json(source.policy))
    }

    /// The node of the policy itself inside `doc` (which may be a whole bundle or template).
    static func rootNode(_ p: Policy, _ doc: JSONDocument) -> JSONNode? {
        rootPointer(p).flatMap { doc.root.node(at: $0) }
    }

    /// The pointer of the policy's own node in its document (`""` for the document's root).
    static func rootPointer(_ p: Policy) -> String? {
        guard let ptr = p.version?.pointer ?? p.statements.first?.pointer else { return nil }
        return head(of: ptr, before: p.version != nil ? "/Version" : "/Statement")
    }

    /// `ptr` up to the last occurrence of `marker` (all of it when there is none), searched as
    /// UTF-8 bytes: Foundation's backwards `range(of:)` ran for every policy of a corpus.
    static func head(of ptr: String, before marker: String) -> String {
        let (b, at) = PointerSearch.last(marker, in: ptr)
        return at.map { String(decoding: b[..<$0], as: UTF8.self) } ?? ptr
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        var inlineTotal = 0
        var inlineFirst: Int?
        for (i, src) in role.identityPolicies.enumerated() where src.managedARN == nil {
            let n = size(of: src)
            if src.storage == .inline {
                inlineTotal += n
                if inlineFirst == nil { inlineFirst = i }
                continue
            }
            if n > 6_144 {
                out.append(RoleFinding(description.finding(
                    "\(src.name) is \(n) characters (whitespace not counted); a managed policy may have at most 6,144: CreatePolicy fails with LimitExceeded",
                    at: "", severity: .high), in: .identity(i)))
            } else if n > 5_500 && src.storage == .managed {
                out.append(RoleFinding(description.finding(
                    "\(src.name) is \(n) of 6,144 characters: the next few ARNs will not fit", at: "", severity: .info), in: .identity(i)))
            }
        }
        if inlineTotal > 10_240, let i = inlineFirst {
            out.append(RoleFinding(description.finding(
                "the role's inline policies total \(inlineTotal) characters (whitespace not counted); IAM allows 10,240 for all inline policies of a role: PutRolePolicy fails with LimitExceeded",
                at: ""), in: .identity(i)))
        }
        if let t = role.trustPolicy {
            let n = size(of: t)
            if n > 2_048 {
                out.append(RoleFinding(description.finding(
                    "the trust policy is \(n) characters; the default limit is 2,048 (a quota increase allows up to 4,096)", at: ""), in: .trust))
            }
        }
        return out
    }
}
