import IAMKit

/// Reads the IAM resources of `terraform show -json` output (a plan, or a state): `aws_iam_role`
/// (assume_role_policy, inline_policy blocks, managed_policy_arns), `aws_iam_role_policy`,
/// `aws_iam_policy`, `aws_iam_role_policy_attachment` and `aws_iam_policy_document` data sources.
///
/// Sources, first seen wins by address: `planned_values` (or a state's `values`) with every child
/// module, `prior_state` (data sources read at plan time), then `resource_changes[].change.after`
/// (with `after_unknown` telling which values are only known after apply).
enum TerraformPlanLoader {
    /// One resource or data source with the node of its attribute values.
    struct Resource {
        var address: String
        var type: String
        var mode: String
        var values: JSONNode
        /// `after_unknown`, when read from resource_changes.
        var unknown: JSONNode?
    }

    static func load(_ document: JSONDocument, name: String) throws(ExecRoleError) -> LoadedInput {
        let root = document.root
        guard root.members != nil else { throw ExecRoleError("expected a JSON object (terraform show -json output)", at: root.position) }
        var resources: [Resource] = []
        var seen = Set<String>()
        func add(_ r: Resource) { if seen.insert(r.address).inserted { resources.append(r) } }
        for module in [root["planned_values"]?["root_module"], root["values"]?["root_module"], root["prior_state"]?["values"]?["root_module"]] {
            if let module { collect(module, into: add) }
        }
        for rc in root["resource_changes"]?.array ?? [] {
            guard let address = rc["address"]?.string, let type = rc["type"]?.string, let after = rc["change"]?["after"], after.members != nil else { continue }
            add(Resource(address: address, type: type, mode: rc["mode"]?.string ?? "managed", values: after, unknown: rc["change"]?["after_unknown"]))
        }

        var out = LoadedInput(kind: .terraform)
        var roles: [RoleUnderReview] = []
        var roleIndex: [String: Int] = [:]   // role name → index in roles
        var usedPolicyTexts = Set<String>()

        for r in resources where r.type == "aws_iam_role" && r.mode == "managed" {
            let roleName = r.values["name"]?.string ?? r.address
            var review = RoleUnderReview(name: roleName, isExecutionRole: false)
            if let node = policy(r, "assume_role_policy", notes: &out.notes, used: &usedPolicyTexts) {
                let src = PolicySource(name: "trust", policy: PolicyParser.parse(node, kind: .trust), document: document)
                review.trustPolicy = src
                review.isExecutionRole = TrustInspection.trustsECSTasks(src.policy)
            }
            for block in r.values["inline_policy"]?.array ?? [] {
                let policyName = block["name"]?.string ?? "inline_policy"
                let sub = Resource(address: "\(r.address) inline_policy \(policyName)", type: r.type, mode: r.mode, values: block, unknown: nil)
                if let node = policy(sub, "policy", notes: &out.notes, used: &usedPolicyTexts) {
                    review.identityPolicies.append(PolicySource(name: policyName, policy: PolicyParser.parse(node, kind: .identity), document: document))
                }
            }
            for arn in r.values["managed_policy_arns"]?.array ?? [] {
                if let s = arn.string { review.attachedManagedPolicies.append(Located(s, arn.pointer)) }
            }
            roleIndex[roleName] = roles.count
            roles.append(review)
        }

        var standalone: [RoleUnderReview] = []
        for r in resources where r.mode == "managed" {
            switch r.type {
            case "aws_iam_role_policy", "aws_iam_policy":
                guard let node = policy(r, "policy", notes: &out.notes, used: &usedPolicyTexts) else { continue }
                let src = PolicySource(name: r.address, policy: PolicyParser.parse(node, kind: .identity), document: document)
                if r.type == "aws_iam_role_policy", let roleName = r.values["role"]?.string, let i = roleIndex[roleName] {
                    roles[i].identityPolicies.append(src)
                } else {
                    standalone.append(RoleUnderReview(name: r.address, identityPolicies: [src], isExecutionRole: true))
                }
            case "aws_iam_role_policy_attachment":
                if let roleName = r.values["role"]?.string, let i = roleIndex[roleName], let arn = r.values["policy_arn"], let s = arn.string {
                    roles[i].attachedManagedPolicies.append(Located(s, arn.pointer))
                }
            default: break
            }
        }

        // Policy documents whose JSON already appears as a resource's policy were linted there.
        for r in resources where r.type == "aws_iam_policy_document" {
            guard let json = r.values["json"], let text = json.string else {
                out.notes.append(InputNote(.unknownValue, "\(r.address): json is known only after apply: not linted",
                                           pointer: r.values.pointer, position: r.values.position))
                continue
            }
            if usedPolicyTexts.contains(normalized(text)) { continue }
            switch EmbeddedDocument.read(json, what: "\(r.address): json") {
            case .success(let node):
                let role = InputLoader.policyRole(node, document: document, kind: InputKind.isTrustPolicy(node) ? .trust : .identity, name: r.address)
                standalone.append(role)
            case .failure(let note): out.notes.append(note)
            }
        }
        out.roles = roles + standalone
        return out
    }

    /// Walks a module and its child modules.
    static func collect(_ module: JSONNode, into add: (Resource) -> Void) {
        for r in module["resources"]?.array ?? [] {
            guard let address = r["address"]?.string, let type = r["type"]?.string, let values = r["values"], values.members != nil else { continue }
            add(Resource(address: address, type: type, mode: r["mode"]?.string ?? "managed", values: values, unknown: nil))
        }
        for child in module["child_modules"]?.array ?? [] { collect(child, into: add) }
    }

    /// The decoded policy under `attribute`, or nil with a note when it is unknown or unreadable.
    static func policy(_ r: Resource, _ attribute: String, notes: inout [InputNote], used: inout Set<String>) -> JSONNode? {
        guard let value = r.values[attribute], !value.isNull, value.string != "" else {
            if r.unknown?[attribute]?.bool == true || r.values[attribute] == nil && r.type != "aws_iam_role" {
                notes.append(InputNote(.unknownValue, "\(r.address): \(attribute) is known only after apply: not linted",
                                       pointer: r.values.pointer, position: r.values.position))
            }
            return nil
        }
        if let s = value.string { used.insert(normalized(s)) }
        switch EmbeddedDocument.read(value, what: "\(r.address): \(attribute)") {
        case .success(let node): return node
        case .failure(let note): notes.append(note); return nil
        }
    }

    /// Policy text without whitespace, so a data source's pretty `json` matches a resource's `policy`.
    static func normalized(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
