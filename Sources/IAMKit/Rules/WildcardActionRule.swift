/// `wildcard-action`: `*`, `service:*` or a glob that reaches write or permissions actions.
public enum WildcardActionRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .resource]
    public static let description = RuleDescription(
        id: "IAM005", slug: "wildcard-action", severity: .medium,
        title: "Wildcard action",
        rationale: """
        A wildcard grants every action it matches today and every one AWS adds tomorrow. The ECS \
        agent needs a handful of named actions, so a wildcard is always an over-grant on an \
        execution role. High for `*` (every action of every service), medium for `service:*` and \
        for globs that reach Write or Permissions-management actions; read-only globs such as \
        `ec2:Describe*` are not reported.
        """,
        fix: "List the actions the role needs by name (ecsrole generate prints them for a task definition).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:*","Resource":"*"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:Put*","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"#,
                     note: "read-only globs are tolerated"),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        var resolved: [[ActionInfo?]]?
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let granted = st.action, !granted.negated else { continue }
            // Items tested in place: `for item in … where` copied every item (a retain and a
            // release of its strings) to report the few with a wildcard. A resolved name is no
            // pattern (`PolicyMemo`, shared with the other rules): only the rest are scanned.
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            let items = granted.items, row = resolved![si]
            for k in items.indices where row[k] == nil && Glob.hasWildcard(items[k].value) {
                let item = items[k], v = item.value
                let facts = PatternFacts.breadth(v)
                guard facts.count > 0 else { continue }
                let whole = v == "*" || v == "*:*"
                let serviceWide = v.hasSuffix(":*")
                guard whole || serviceWide || facts.riskyCount > 0 else { continue }
                let scope = whole ? "every action of every AWS service" : serviceWide ? "every \(v.dropLast(2)) action" : "more than it names"
                var msg = "\"\(v)\" grants \(scope): \(facts.summary)"
                if !whole && facts.riskyCount > 0 { msg += ", including \(RuleSupport.list(facts.riskyFirst, total: facts.riskyCount, limit: 4))" }
                out.append(description.finding(msg + ", now and whenever AWS adds more.",
                                               fix: "Replace \"\(v)\" with the specific actions needed.",
                                               at: item.pointer, severity: whole ? .high : .medium))
            }
        }
        return out
    }
}
