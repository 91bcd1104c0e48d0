import IAMKit

/// `auth-token-scoped`: ecr:GetAuthorizationToken on anything but `*`.
public enum AuthTokenScopedRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER009", slug: "auth-token-scoped", severity: .high,
        title: "ecr:GetAuthorizationToken scoped to a resource",
        rationale: """
        ecr:GetAuthorizationToken has no resource-level permissions: it is authorized only by \
        `"Resource": "*"`. Scoped to repository ARNs it is never allowed, the agent cannot log in \
        to the registry and the task fails with CannotPullContainerError. High: the task does not \
        start. (Its `*` is not an over-grant: the pull actions stay scoped to repositories.)
        """,
        fix: "Put ecr:GetAuthorizationToken in its own statement with `\"Resource\": \"*\"`.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchGetImage"],"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        let naming = RoleSupport.naming(role, action: "ecr:GetAuthorizationToken")
        // Most roles name no ecr:GetAuthorizationToken: nothing to report, so no Allow is looked for.
        guard naming.contains(where: \.isAllow) else { return [] }
        let anywhereOK = RoleSupport.allows(role, action: "ecr:GetAuthorizationToken").contains {
            RoleSupport.resourceMatches($0.resource, "*") && $0.conditions.isEmpty
        }
        for st in naming where st.isAllow {
            let items = st.items(naming: "ecr:GetAuthorizationToken")
            guard let item = items.first, st.statement.resource?.negated == false else { continue }
            guard !st.resources.contains(where: { Glob.matches($0.value, "*") }) else { continue }
            // A service-wide `ecr:*` on repositories is only a problem when nothing else grants the token.
            let explicit = items.contains { !Glob.hasWildcard($0.value) }
            guard explicit || !anywhereOK else { continue }
            out.append(RoleSupport.hit(description, st,
                "ecr:GetAuthorizationToken (via \"\(item.value)\") is scoped to \(RoleSupport.quote(st.resources.map(\.value))); it supports only \"Resource\": \"*\", so \(anywhereOK ? "this grant is dead" : "the agent cannot get a registry token and the task fails with CannotPullContainerError")",
                fix: "Move ecr:GetAuthorizationToken to a statement with \"Resource\": \"*\"; keep the pull actions on the repository ARNs.",
                at: item.pointer, severity: anywhereOK ? .low : .high))
        }
        return out
    }
}
