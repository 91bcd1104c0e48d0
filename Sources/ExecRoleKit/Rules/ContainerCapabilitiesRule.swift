import IAMKit

/// `container-capabilities`: dangerous capabilities added, or ALL not dropped.
public enum ContainerCapabilitiesRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD004", slug: "container-capabilities", severity: .medium,
        title: "Linux capabilities not minimised",
        rationale: """
        Docker's default capability set is broader than most applications need; dropping ALL and \
        adding back only what is needed shrinks what a compromised process can do. Adding \
        SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH or ALL gives container-escape \
        or host-snooping power: medium. Not dropping ALL: low.
        """,
        fix: "Set linuxParameters.capabilities.drop to [\"ALL\"] and add only what the process needs.",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","linuxParameters":{"capabilities":{"add":["SYS_ADMIN"],"drop":["ALL"]}}}]}"#, kind: .taskDefinition),
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#, kind: .taskDefinition, note: "ALL not dropped"),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","linuxParameters":{"capabilities":{"drop":["ALL"],"add":["NET_BIND_SERVICE"]}}}]}"#, kind: .taskDefinition),
        ])

    static let dangerous: Set<String> = ["ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH",
                                         "SYS_RAWIO", "SYS_BOOT", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE"]

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        var out: [RoleFinding] = []
        for c in td.containers {
            for cap in c.capabilitiesAdd {
                let name = cap.value.uppercased().replacingOccurrences(of: "CAP_", with: "")
                guard dangerous.contains(name) else { continue }
                out.append(RoleFinding(description.finding("container \"\(c.name)\" adds \(name), which allows escaping the container or inspecting the host",
                                                           fix: "Remove \(name) from linuxParameters.capabilities.add of container \"\(c.name)\".",
                                                           at: cap.pointer), in: .taskDefinition))
            }
            if !c.capabilitiesDrop.contains(where: { $0.value.uppercased() == "ALL" }) {
                out.append(RoleFinding(description.finding("container \"\(c.name)\" keeps Docker's default capabilities (no drop of ALL)",
                                                           fix: "Add \"linuxParameters\": {\"capabilities\": {\"drop\": [\"ALL\"]}} to container \"\(c.name)\".",
                                                           at: c.linuxParametersPointer ?? c.pointer, severity: .low), in: .taskDefinition))
            }
        }
        return out
    }
}
