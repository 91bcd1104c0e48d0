import IAMKit

extension RuleExample {
    /// The role an example describes: its identity policies, trust policy, task definition and
    /// attached managed-policy ARNs. Used by the example tests and by `explain` demos.
    public func makeRole() throws -> RoleUnderReview {
        var role = RoleUnderReview(name: "example")
        for (i, d) in documents.enumerated() {
            switch d.kind {
            case .identity, .resource:
                let (p, doc) = try PolicyParser.parse(d.text, kind: d.kind == .identity ? .identity : .resource)
                role.identityPolicies.append(PolicySource(name: "policy\(i)", policy: p, document: doc))
            case .trust:
                let (p, doc) = try PolicyParser.parse(d.text, kind: .trust)
                role.trustPolicy = PolicySource(name: "trust", policy: p, document: doc)
            case .taskDefinition:
                role.taskDefinition = try TaskDefinitionImporter.parse(d.text)
            case .attachedPolicy:
                role.attachedManagedPolicies.append(Located(d.text, "/ManagedPolicyArns/\(role.attachedManagedPolicies.count)"))
            }
        }
        return role
    }
}
