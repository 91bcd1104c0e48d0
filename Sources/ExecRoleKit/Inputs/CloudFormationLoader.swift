import IAMKit

/// Reads the IAM parts of a CloudFormation template: each `AWS::IAM::Role` becomes a role under
/// review (trust policy, inline `Policies`, `ManagedPolicyArns`), and each `AWS::IAM::Policy`,
/// `AWS::IAM::ManagedPolicy` or `AWS::IAM::RolePolicy` joins the template roles it names (by `!Ref` or
/// by RoleName). A policy that names no role of the template is reviewed on its own.
///
/// Intrinsics become visible placeholders (`Intrinsics`); nothing is resolved.
enum CloudFormationLoader {
    static func load(_ document: JSONDocument, name: String) throws(ExecRoleError) -> LoadedInput {
        let root = document.root
        guard let resources = root["Resources"]?.members else {
            throw ExecRoleError("not a CloudFormation template: no \"Resources\" object", at: root.position)
        }
        var out = LoadedInput(kind: .cloudformation)
        var roles: [String: RoleUnderReview] = [:]
        var roleOrder: [String] = []
        var roleNames: [String: String] = [:]   // RoleName property → logical id
        var executionRoleIDs = Set<String>()

        // Pass 1: roles, and which roles task definitions use as their execution role.
        for r in resources {
            let type = r.value["Type"]?.string ?? ""
            let props = r.value["Properties"]
            if type == "AWS::ECS::TaskDefinition", let ref = props?["ExecutionRoleArn"], let id = referencedLogicalID(ref) {
                executionRoleIDs.insert(id)
            }
            guard type == "AWS::IAM::Role" else { continue }
            let roleName = props?["RoleName"].map { Intrinsics.resolvePlaceholders($0).string ?? r.key } ?? r.key
            var review = RoleUnderReview(name: r.key, isExecutionRole: false)
            if props?["RoleName"] != nil { roleNames[roleName] = r.key }
            if let trust = props?["AssumeRolePolicyDocument"], let node = policyNode(trust, what: "\(r.key): AssumeRolePolicyDocument", notes: &out.notes) {
                let src = PolicySource(name: "trust", policy: PolicyParser.parse(node, kind: .trust), document: document)
                review.trustPolicy = src
                review.isExecutionRole = TrustInspection.trustsECSTasks(src.policy)
            }
            for (j, p) in (props?["Policies"].map(Intrinsics.resolvePlaceholders)?.array ?? []).enumerated() {
                let policyName = p["PolicyName"]?.string ?? "Policies[\(j)]"
                if let doc = p["PolicyDocument"], let node = policyNode(doc, what: "\(r.key): \(policyName)", notes: &out.notes) {
                    review.identityPolicies.append(PolicySource(name: policyName, policy: PolicyParser.parse(node, kind: .identity), document: document))
                }
            }
            for arn in props?["ManagedPolicyArns"].map(Intrinsics.resolvePlaceholders)?.array ?? [] {
                if let s = arn.string { review.attachedManagedPolicies.append(Located(s, arn.pointer)) }
            }
            roles[r.key] = review
            roleOrder.append(r.key)
        }
        for id in executionRoleIDs { roles[id]?.isExecutionRole = true }

        // Pass 2: policies that attach to roles.
        var standalone: [RoleUnderReview] = []
        for r in resources {
            let type = r.value["Type"]?.string ?? ""
            guard ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"].contains(type),
                  let props = r.value["Properties"], let doc = props["PolicyDocument"],
                  let node = policyNode(doc, what: "\(r.key): PolicyDocument", notes: &out.notes) else { continue }
            let src = PolicySource(name: r.key, policy: PolicyParser.parse(node, kind: .identity), document: document)
            var targets: [String] = []
            let roleRefs = type == "AWS::IAM::RolePolicy" ? [props["RoleName"]].compactMap { $0 } : (props["Roles"]?.array ?? [])
            for ref in roleRefs {
                if let id = referencedLogicalID(ref), roles[id] != nil { targets.append(id) }
                else if let s = ref.string, let id = roleNames[s] { targets.append(id) }
            }
            // `ManagedPolicyArns: [!Ref ThisPolicy]` on a role attaches it from the other side.
            for id in roleOrder where roles[id]?.attachedManagedPolicies.contains(where: { $0.value == "{Ref:\(r.key)}" }) == true {
                if !targets.contains(id) { targets.append(id) }
            }
            if targets.isEmpty {
                standalone.append(RoleUnderReview(name: r.key, identityPolicies: [src], isExecutionRole: true))
            }
            for id in targets { roles[id]?.identityPolicies.append(src) }
        }
        out.roles = roleOrder.compactMap { roles[$0] } + standalone
        return out
    }

    /// The logical id a `Ref` / `Fn::GetAtt` (long or short form) points at.
    static func referencedLogicalID(_ node: JSONNode) -> String? {
        if let s = node["Ref"]?.string { return s }
        if let g = node["Fn::GetAtt"] {
            if let s = g.string { return s.split(separator: ".").first.map(String.init) }
            return g.array?.first?.string
        }
        return nil
    }

    /// The policy object with placeholders, or nil (with a note) when the document itself is only
    /// known at deploy time (`!Ref`, `Fn::ImportValue`…) or is not an object.
    static func policyNode(_ node: JSONNode, what: String, notes: inout [InputNote]) -> JSONNode? {
        let resolved = Intrinsics.resolvePlaceholders(node)
        if resolved.members != nil { return resolved }
        if let s = resolved.string, s.hasPrefix("{") && !s.hasPrefix("{\"") {
            notes.append(InputNote(.unknownValue, "\(what) is \(s), only known when the stack deploys: not linted",
                                   pointer: node.pointer, position: node.position))
            return nil
        }
        // A JSON string document (rare in templates, but accepted by CloudFormation).
        switch EmbeddedDocument.read(resolved, what: what) {
        case .success(let n) where n.members != nil: return n
        case .success: notes.append(InputNote(.unreadablePolicy, "\(what) must be an object, found \(resolved.kindName)", pointer: node.pointer, position: node.position))
        case .failure(let note): notes.append(note)
        }
        return nil
    }
}
