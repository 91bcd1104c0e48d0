import IAMKit

/// Reads `aws iam get-account-authorization-details` output: one role under review per
/// RoleDetailList entry, with its trust policy, inline policies and the default versions of its
/// attached managed policies (from the same file's `Policies` list, when present).
enum AuthDetailsLoader {
    static func load(_ document: JSONDocument) throws(ExecRoleError) -> LoadedInput {
        let root = document.root
        guard root.members != nil else { throw ExecRoleError("expected a JSON object", at: root.position) }
        var out = LoadedInput(kind: .bundle)
        let managed = managedDocuments(root, notes: &out.notes)
        guard let roles = root["RoleDetailList"]?.array else { return out }
        for (i, role) in roles.enumerated() {
            let roleName = role["RoleName"]?.string ?? "role \(i)"
            var review = RoleUnderReview(name: roleName, isExecutionRole: false)
            if let trust = role["AssumeRolePolicyDocument"] {
                switch EmbeddedDocument.read(trust, what: "\(roleName): AssumeRolePolicyDocument") {
                case .success(let node):
                    let src = PolicySource(name: "trust", policy: PolicyParser.parse(node, kind: .trust), document: document)
                    review.trustPolicy = src
                    review.isExecutionRole = TrustInspection.trustsECSTasks(src.policy)
                case .failure(let note): out.notes.append(note)
                }
            }
            for (j, inline) in (role["RolePolicyList"]?.array ?? []).enumerated() {
                let policyName = inline["PolicyName"]?.string ?? "inline policy \(j)"
                guard let docNode = inline["PolicyDocument"] else { continue }
                switch EmbeddedDocument.read(docNode, what: "\(roleName): \(policyName)") {
                case .success(let node):
                    review.identityPolicies.append(PolicySource(name: policyName, policy: PolicyParser.parse(node, kind: .identity), document: document))
                case .failure(let note): out.notes.append(note)
                }
            }
            for attached in role["AttachedManagedPolicies"]?.array ?? [] {
                guard let arnNode = attached["PolicyArn"], let arn = arnNode.string else { continue }
                review.attachedManagedPolicies.append(Located(arn, arnNode.pointer))
                if let node = managed[arn] {
                    let name = attached["PolicyName"]?.string ?? arn
                    review.identityPolicies.append(PolicySource(name: name, policy: PolicyParser.parse(node, kind: .identity), document: document,
                                                                managedARN: arn.contains(":iam::aws:policy/") ? arn : nil))
                }
            }
            out.roles.append(review)
        }
        return out
    }

    /// Default-version documents of the managed policies listed in the file, by ARN.
    static func managedDocuments(_ root: JSONNode, notes: inout [InputNote]) -> [String: JSONNode] {
        var out: [String: JSONNode] = [:]
        for p in root["Policies"]?.array ?? [] {
            guard let arn = p["Arn"]?.string else { continue }
            let versions = p["PolicyVersionList"]?.array ?? []
            let defaultID = p["DefaultVersionId"]?.string
            guard let v = versions.first(where: { $0["IsDefaultVersion"]?.bool == true })
                    ?? versions.first(where: { defaultID != nil && $0["VersionId"]?.string == defaultID }),
                  let docNode = v["Document"] else { continue }
            switch EmbeddedDocument.read(docNode, what: "\(arn) (default version)") {
            case .success(let node): out[arn] = node
            case .failure(let note): notes.append(note)
            }
        }
        return out
    }
}
