/// `resource-mismatch`: a Resource that no action of its statement can ever apply to.
public enum ResourceMismatchRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM014", slug: "resource-mismatch", severity: .medium,
        title: "Resource does not fit the actions",
        rationale: """
        Each action applies to specific resource types with fixed ARN formats (Service Authorization \
        Reference). A Resource that fits none of them, or an action that fits none of the \
        statement's resources, grants nothing: the call is denied although the policy seems to \
        allow it. Actions without resource-level permissions (ecr:GetAuthorizationToken) match only \
        `"Resource": "*"`. Medium in general; the execution-role rules (log-stream-arn, \
        auth-token-scoped…) report the ECS cases with high severity and replace this finding.
        """,
        fix: "Use an ARN of the resource type the action works on, as the message lists it.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"arn:aws:s3:::my-bucket"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ListQueues","Resource":"arn:aws:sqs:us-east-1:111122223333:jobs"}]}"#,
                        note: "an action without resource-level permissions, scoped to an ARN"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codestar-connections:GetConnection","Resource":"arn:aws:codeconnections:us-east-1:111122223333:connection/abc"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        // Many actions share ARN formats (`s3:*` has hundreds of actions, five formats): memoise.
        var memo: [String: Bool] = [:]
        func fits(_ a: ActionInfo, _ pattern: String) -> Bool {
            serviceAliases(pattern).contains { fitsExactly(a, $0) }
        }
        func fitsExactly(_ a: ActionInfo, _ pattern: String) -> Bool {
            a.resourceTypes.contains { ref in
                ref.arnFormats.contains { format in
                    let key = format + "\u{0}" + pattern
                    if let hit = memo[key] { return hit }
                    let r = PatternOverlap.resourceCouldMatch(policyPattern: pattern, arnFormat: format)
                    memo[key] = r
                    return r
                }
            }
        }
        for st in policy.statements {
            guard st.effect == .allow, let r = st.resource, !r.negated else { continue }
            // `*` in Action makes every resource fit something; nothing useful to say. Checked before
            // expanding: `*` alone is 20,455 actions.
            guard !(st.action?.negated == false && st.action!.items.contains(where: { $0.value == "*" })) else { continue }
            let granted = RuleSupport.grantedActions(st)
            let resources = r.items.filter { $0.value != "*" && ARN($0.value) != nil }
            guard !resources.isEmpty, !r.items.contains(where: { $0.value == "*" }) else { continue }
            let all = granted.flatMap(\.actions)
            guard !all.isEmpty else { continue }
            // Per resource: fits no action of the statement.
            for res in resources {
                let fits = all.contains { a in a.supportsResourceLevelPermissions && fits(a, res.value) }
                if !fits && all.contains(where: \.supportsResourceLevelPermissions) {
                    let expected = all.first(where: \.supportsResourceLevelPermissions)!
                    let formats = expected.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(description.finding(
                        "Resource \"\(res.value)\" fits none of the resource types of \(RuleSupport.list(all.map(\.fullName), limit: 3)); e.g. \(expected.fullName) expects \(formats)",
                        fix: "Write the ARN in the form \(formats).", at: res.pointer))
                }
            }
            // Per named action (no wildcard): fits none of the resources.
            for (item, actions) in granted where !Glob.hasWildcard(item.value) {
                guard let a = actions.first else { continue }
                if !a.supportsResourceLevelPermissions {
                    out.append(description.finding(
                        "\(a.fullName) supports no resource-level permissions: it is allowed only by \"Resource\": \"*\", so \(st.label) never allows it",
                        fix: "Move \(a.fullName) to a statement with \"Resource\": \"*\".", at: item.pointer))
                    continue
                }
                if !resources.contains(where: { fits(a, $0.value) }) {
                    let formats = a.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(description.finding(
                        "\(a.fullName) applies to \(RuleSupport.list(a.resourceTypes.map(\.name), limit: 3)) (\(formats)); none of the statement's resources has that form, so it is never allowed",
                        fix: "Add a Resource of the form \(formats).", at: item.pointer))
                }
            }
        }
        return out
    }

    /// AWS renamed CodeStar Connections to CodeConnections and documents both ARN prefixes as naming
    /// the same resources, while the catalog knows only the prefix of each action's own service.
    static let renamedServices = ["codeconnections": "codestar-connections", "codestar-connections": "codeconnections"]

    /// The pattern, plus the same ARN under the service's other name when it was renamed.
    static func serviceAliases(_ pattern: String) -> [String] {
        guard var arn = ARN(pattern), let other = renamedServices[arn.service] else { return [pattern] }
        arn.service = other
        return [pattern, arn.description]
    }
}
