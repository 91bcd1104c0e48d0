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
        if case .object(let members) = root.kind {
            // One pass over the top-level keys, noting the ones the shapes below ask about: a scan
            // per key asked (and a copy of each value looked up) ran for every file.
            var bundle = false, template = false, plan = false, containers = false, statement = false
            var resources: Int?, taskDefinition: Int?
            for i in members.indices {
                switch members[i].key {
                case "RoleDetailList", "UserDetailList", "GroupDetailList": bundle = true
                case "AWSTemplateFormatVersion": template = true
                case "planned_values", "resource_changes", "terraform_version": plan = true
                case "containerDefinitions": containers = true
                case "Statement": statement = true
                case "Resources": if resources == nil { resources = i }
                case "taskDefinition": if taskDefinition == nil { taskDefinition = i }
                default: break
                }
            }
            if bundle { return .bundle }
            if template { return .cloudformation }
            if let r = resources, let resources = members[r].value.members,
               resources.contains(where: { ($0.value["Type"]?.string ?? "").contains("::") }) { return .cloudformation }
            if plan { return .terraform }
            if containers || taskDefinition.map({ members[$0].value["containerDefinitions"] != nil }) == true { return .taskdef }
            if statement { return isTrustPolicy(root) ? .trust : .identity }
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
        // Keys tested without copying their values out (`node[key] != nil` copied each one).
        if statements.contains(where: { $0.hasMember("Principal") || $0.hasMember("NotPrincipal") }) { return true }
        guard !statements.isEmpty else { return false }
        return statements.allSatisfy { s in
            guard !s.hasMember("Resource"), !s.hasMember("NotResource"), let a = s["Action"] else { return false }
            let actions = (a.array ?? [a]).compactMap(\.string)
            return !actions.isEmpty && actions.allSatisfy { trustActions.contains($0.lowercased()) }
        }
    }

    static let trustActions: Set<String> = ["sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml",
                                            "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"]
}
