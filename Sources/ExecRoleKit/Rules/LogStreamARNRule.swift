import IAMKit

/// `log-stream-arn`: CreateLogStream/PutLogEvents granted on a log-group ARN without `:*`.
public enum LogStreamARNRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER001", slug: "log-stream-arn", severity: .high,
        title: "Log-group ARN where a log-stream ARN is needed",
        rationale: """
        logs:CreateLogStream and logs:PutLogEvents act on a log STREAM: the request names \
        `arn:…:log-group:NAME:log-stream:STREAM`. A Resource of `arn:…:log-group:NAME` (without \
        `:*`) never matches it, so the awslogs driver is denied and the task stops with \
        ResourceInitializationError (aws-cdk#5954). High: the task does not start.
        """,
        fix: "Grant `arn:…:log-group:NAME:*` (or `…:log-group:NAME:log-stream:*`).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":["arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web","arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*"]}]}"#,
                     note: "the bare group ARN is harmless when the :* form is granted too"),
        ])

    static let actions = ["logs:CreateLogStream", "logs:PutLogEvents"]

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        // Only the Resources that may be logs ARNs (the index sorts them out once per role), by
        // statement. Most statements name no log group: the resources are looked at before the actions.
        var current: RoleStatement?
        var namedCache: [String]?
        var skipStatement = false
        for candidate in role.index.resources(of: .logs) where candidate.statement.isAllow {
            let st = candidate.statement, res = candidate.resource
            if st !== current { current = st; namedCache = nil; skipStatement = false }
            if skipStatement { continue }
            guard let arn = RoleSupport.arn(res.value, service: "logs"), arn.resourceType == "log-group" else { continue }
            let named = namedCache ?? actions.filter { !st.items(naming: $0).isEmpty }
            namedCache = named
            // The statement names neither action: none of its resources is looked at again.
            guard !named.isEmpty else { skipStatement = true; continue }
            let probe = res.value + ":log-stream:ecs/app/0123456789abcdef"
            // Only a group ARN whose streams it cannot reach; wildcards such as `log-group:/ecs/*` do reach them.
            guard !Glob.matches(res.value, probe) else { continue }
            guard !arn.resource.contains(":log-stream") else { continue }
            // Covered elsewhere (the same group with `:*` in any Allow)? Then this entry is merely redundant.
            let covered = named.allSatisfy { a in
                RoleSupport.allows(role, action: a).contains { RoleSupport.resourceMatches($0.statement.resource, probe) }
            }
            guard !covered else { continue }
            out.append(RoleSupport.hit(description, st,
                "\(RoleSupport.quote(named)) act on log streams (…:log-group:\(arn.resourceName):log-stream:NAME), which \"\(res.value)\" never matches: the awslogs driver is denied and the task fails with ResourceInitializationError",
                fix: "Use \"\(res.value):*\" as the Resource.", at: res.pointer))
        }
        return out
    }
}
