import IAMKit

/// Turns one parsed input file into the roles `lint` reviews. Pure: the caller reads the file (and
/// bridges YAML to `JSONNode`); every pointer stays relative to the file's root so findings keep
/// their line and column.
public enum InputLoader {
    /// Loads `document` as `kind`, or as the detected kind when nil.
    ///
    /// - Parameter name: a name for roles that have none of their own (the file name).
    /// - Throws: `ExecRoleError` (with a position) when the kind cannot be told or the content is not
    ///   that kind at all.
    public static func load(_ document: JSONDocument, kind: InputKind? = nil, name: String) throws(ExecRoleError) -> LoadedInput {
        let root = document.root
        guard let kind = kind ?? InputKind.detect(root) else {
            throw ExecRoleError("cannot tell what this file is (expected a policy, a trust policy, get-account-authorization-details output, a CloudFormation template, a terraform show -json plan or a task definition); pass --kind", at: root.position)
        }
        switch kind {
        case .identity, .trust:
            guard root.members != nil else {
                throw ExecRoleError("a policy must be a JSON object, found \(root.kindName)", at: root.position)
            }
            return LoadedInput(kind: kind, roles: [policyRole(root, document: document, kind: kind, name: name)])
        case .bundle:
            return try AuthDetailsLoader.load(document)
        case .cloudformation:
            return try CloudFormationLoader.load(document, name: name)
        case .terraform:
            return try TerraformPlanLoader.load(document, name: name)
        case .taskdef:
            let td = try TaskDefinitionImporter.read(document)
            var notes: [InputNote] = []
            for n in td.notes where n.kind == .placeholder {
                notes.append(InputNote(.unknownValue, n.message, pointer: n.pointer, position: n.position ?? document.position(of: n.pointer)))
            }
            let role = RoleUnderReview(name: td.family ?? name, taskDefinition: td, isExecutionRole: true)
            return LoadedInput(kind: .taskdef, roles: [role], notes: notes)
        }
    }

    /// A bare policy file as a role: one identity policy, or one trust policy.
    ///
    /// A bare identity policy is reviewed as an execution-role policy: that is what `ecsrole lint` is
    /// for. A bare trust policy is one when it trusts `ecs-tasks.amazonaws.com`.
    static func policyRole(_ root: JSONNode, document: JSONDocument, kind: InputKind, name: String) -> RoleUnderReview {
        if kind == .trust {
            let src = PolicySource(name: "trust", policy: PolicyParser.parse(root, kind: .trust), document: document)
            return RoleUnderReview(name: name, trustPolicy: src, isExecutionRole: TrustInspection.trustsECSTasks(src.policy))
        }
        let src = PolicySource(name: name, policy: PolicyParser.parse(root, kind: .identity), document: document)
        return RoleUnderReview(name: name, identityPolicies: [src], isExecutionRole: true)
    }
}

/// Facts read from a trust policy.
public enum TrustInspection {
    /// Whether an Allow statement lets the ECS tasks service assume the role (the mark of an
    /// execution or task role). Template forms such as `ecs-tasks.${AWS::URLSuffix}` count.
    public static func trustsECSTasks(_ policy: Policy) -> Bool {
        policy.statements.contains { s in
            s.effect == .allow && (s.principal?.values("Service") ?? []).contains { $0.lowercased().hasPrefix("ecs-tasks.") }
        }
    }
}
