import IAMKit

/// `container-privileged`: `privileged: true`.
public enum ContainerPrivilegedRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD002", slug: "container-privileged", severity: .high,
        title: "Privileged container",
        rationale: """
        `privileged: true` gives the container every capability and access to the host's devices: \
        root in the container is root on the EC2 host, including every other task's credentials. \
        High, though hardening: it removes the isolation the other rules assume. (Fargate rejects it.)
        """,
        fix: "Remove `privileged`; add the single capability needed under linuxParameters.capabilities.add instead.",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":true}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","privileged":false}]}"#, kind: .taskDefinition),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        return td.containers.compactMap { c in
            guard let p = c.privileged, p.value else { return nil }
            return RoleFinding(description.finding("container \"\(c.name)\" is privileged: root in it is root on the host",
                                                   fix: "Remove \"privileged\": true from container \"\(c.name)\".", at: p.pointer), in: .taskDefinition)
        }
    }
}
