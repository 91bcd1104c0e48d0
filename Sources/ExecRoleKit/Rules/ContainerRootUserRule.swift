import IAMKit

/// `container-root-user`: a container that runs as root.
public enum ContainerRootUserRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD001", slug: "container-root-user", severity: .low,
        title: "Container runs as root",
        rationale: """
        Without `user`, a container runs as the image's default user, which is root for most \
        images; `user: "0"` or `"root"` says so explicitly. A process escaping the application then \
        has root in the container (and on EC2, a shorter path to the host and to the instance's and \
        the execution role's credentials). Low: hardening, the task works either way.
        """,
        fix: "Set `\"user\": \"1000\"` (or a named non-root user the image defines).",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","user":"root"}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","user":"1000:1000"}]}"#, kind: .taskDefinition),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        return td.containers.compactMap { c in
            guard let u = c.user else {
                return RoleFinding(description.finding("container \"\(c.name)\" sets no user: it runs as the image's default user, root for most images",
                                                       fix: "Add \"user\": \"1000\" (or a non-root user the image defines) to container \"\(c.name)\".", at: c.pointer), in: .taskDefinition)
            }
            let name = u.value.split(separator: ":").first.map(String.init) ?? u.value
            guard name == "0" || name == "root" else { return nil }
            return RoleFinding(description.finding("container \"\(c.name)\" runs as \"\(u.value)\" (root)",
                                                   fix: "Use a non-root user, e.g. \"1000\".", at: u.pointer), in: .taskDefinition)
        }
    }
}
