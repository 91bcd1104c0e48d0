/// `duplicate-sid`: two statements with the same Sid.
public enum DuplicateSidRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM002", slug: "duplicate-sid", severity: .medium,
        title: "Duplicate statement id",
        rationale: """
        Statement ids must be unique within a policy: IAM rejects the document with \
        MalformedPolicyDocument ("Statement IDs (SID) in a single policy must be unique"). Medium: the \
        deployment fails loudly rather than the task failing at start.
        """,
        fix: "Rename one of the statements (or merge them).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"},{"Sid":"Pull","Effect":"Allow","Action":"ecr:GetDownloadUrlForLayer","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*"},{"Sid":"Layers","Effect":"Allow","Action":"ecr:GetDownloadUrlForLayer","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var first: [String: Statement] = [:]
        var out: [Finding] = []
        for st in policy.statements {
            guard let sid = st.sid, !sid.value.isEmpty else { continue }
            if let earlier = first[sid.value] {
                out.append(description.finding("Sid \"\(sid.value)\" is already used by statement \(earlier.index)",
                                               fix: "Give statement \(st.index) its own Sid, e.g. \"\(sid.value)\(st.index)\".", at: sid.pointer))
            } else { first[sid.value] = st }
        }
        return out
    }
}
