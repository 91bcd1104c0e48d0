import IAMKit

/// `container-writable-root`: readonlyRootFilesystem not true.
public enum ContainerWritableRootRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD003", slug: "container-writable-root", severity: .low,
        title: "Writable root filesystem",
        rationale: """
        A writable root filesystem lets an attacker drop tools or alter the application's files. \
        `readonlyRootFilesystem: true` with volumes for the paths that must be written is the \
        hardened form. Low: hardening only.
        """,
        fix: "Set `\"readonlyRootFilesystem\": true` and mount volumes for writable paths (/tmp…).",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","readonlyRootFilesystem":true}]}"#, kind: .taskDefinition),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        return td.containers.compactMap { c in
            if c.readonlyRootFilesystem?.value == true { return nil }
            return RoleFinding(description.finding("container \"\(c.name)\" has a writable root filesystem",
                                                   fix: "Add \"readonlyRootFilesystem\": true to container \"\(c.name)\".",
                                                   at: c.readonlyRootFilesystem?.pointer ?? c.pointer), in: .taskDefinition)
        }
    }
}
