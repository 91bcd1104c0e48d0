import IAMKit

/// What an input file holds. `lint` guesses it from the content (`detect`) unless `--kind` says.
public enum InputKind: String, Sendable, CaseIterable, Equatable {
    /// One identity (permissions) policy document.
    case identity
    /// One trust (assume-role) policy document.
    case trust
    /// `aws iam get-account-authorization-details` output.
    case bundle
    /// A CloudFormation template (JSON, or YAML bridged to JSON by the caller).
    case cloudformation
    /// `terraform show -json` output for a plan (or a state).
    case terraform
    /// An ECS task definition in any of the shapes `TaskDefinitionImporter` reads.
    case taskdef

    /// Guesses the kind from the document's shape, or nil when it looks like none of them.
    ///
    /// The order matters: a bundle or template also contains policy documents, so the container
    /// shapes are recognised first, and a bare policy last.
    public static func detect(_ root: JSONNode) -> InputKind? {
        if let members = root.members {
            // A scan per key, not a Set of the keys: a document has a handful of top-level keys and
            // this runs for every file.
            let keys = KeyScan(members: members)
            if keys.contains("RoleDetailList") || keys.contains("UserDetailList") || keys.contains("GroupDetailList") { return .bundle }
            if keys.contains("AWSTemplateFormatVersion") { return .cloudformation }
            if let resources = root["Resources"]?.members,
               resources.contains(where: { ($0.value["Type"]?.string ?? "").contains("::") }) { return .cloudformation }
            if keys.contains("planned_values") || keys.contains("resource_changes") || keys.contains("terraform_version") { return .terraform }
            if keys.contains("containerDefinitions") || root["taskDefinition"]?["containerDefinitions"] != nil { return .taskdef }
            if keys.contains("Statement") { return isTrustPolicy(root) ? .trust : .identity }
            return nil
        }
        // A bare container-definitions array (Terraform's `container_definitions`).
        if let items = root.array, let first = items.first, first["image"] != nil || first["name"] != nil && first["essential"] != nil {
            return .taskdef
        }
        return nil
    }

    /// A policy is a trust policy when a statement names a Principal, or when every statement grants
    /// only `sts:AssumeRole*`-family actions and has no Resource (a trust policy never has one). An
    /// identity policy granting `sts:AssumeRole` on a role ARN therefore stays an identity policy.
    public static func isTrustPolicy(_ root: JSONNode) -> Bool {
        let statements = root["Statement"].map { $0.array ?? [$0] } ?? []
        if statements.contains(where: { $0["Principal"] != nil || $0["NotPrincipal"] != nil }) { return true }
        guard !statements.isEmpty else { return false }
        return statements.allSatisfy { s in
            guard s["Resource"] == nil, s["NotResource"] == nil, let a = s["Action"] else { return false }
            let actions = (a.array ?? [a]).compactMap(\.string)
            return !actions.isEmpty && actions.allSatisfy { trustActions.contains($0.lowercased()) }
        }
    }

    static let trustActions: Set<String> = ["sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml",
                                            "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"]
}

/// `contains` over an object's keys without building a set of them.
private struct KeyScan {
    var members: [JSONNode.Member]
    func contains(_ key: String) -> Bool { members.contains { $0.key == key } }
}
