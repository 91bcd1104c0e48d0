import IAMKit

/// `same-exec-and-task-role`: one role for both executionRoleArn and taskRoleArn.
public enum SameExecAndTaskRoleRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD007", slug: "same-exec-and-task-role", severity: .medium,
        title: "Execution role and task role are the same",
        rationale: """
        The execution role's permissions (pull images, read every secret the task injects) are meant \
        for the ECS agent only. Using it as the task role hands them to the application code too: \
        any code-execution bug can read all the task's secrets through the API, and app \
        permissions land on the execution role. Medium: a separation-of-duties break.
        """,
        fix: "Create a separate task role with only the application's permissions.",
        examples: [
            .triggering(#"{"family":"web","executionRoleArn":"arn:aws:iam::111122223333:role/web","taskRoleArn":"arn:aws:iam::111122223333:role/web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","executionRoleArn":"arn:aws:iam::111122223333:role/web-execution","taskRoleArn":"arn:aws:iam::111122223333:role/web-task","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#, kind: .taskDefinition),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition, let e = td.executionRoleArn, let t = td.taskRoleArn else { return [] }
        // `role/x` and the bare name `x` name the same role.
        func name(_ s: String) -> String { s.split(separator: "/").last.map(String.init) ?? s }
        guard e.value == t.value || name(e.value) == name(t.value) else { return [] }
        return [RoleFinding(description.finding("executionRoleArn and taskRoleArn are both \"\(t.value)\": the application gets the agent's permissions (every injected secret)",
                                                fix: "Point taskRoleArn at a separate role holding only what the application calls.", at: t.pointer), in: .taskDefinition)]
    }
}
