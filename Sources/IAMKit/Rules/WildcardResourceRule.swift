/// `wildcard-resource`: `"Resource": "*"` for actions that could be scoped to ARNs.
public enum WildcardResourceRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity]
    public static let description = RuleDescription(
        id: "IAM006", slug: "wildcard-resource", severity: .medium,
        title: "Wildcard resource for actions that support resource-level permissions",
        rationale: """
        `"Resource": "*"` lets the role act on every repository, log group, secret or key in the \
        account. Only actions that support resource-level permissions are reported: actions such as \
        ecr:GetAuthorizationToken work only with `*`, so flagging them would be a false alarm \
        (checkov#988). List-level actions are not reported either. Medium: an over-grant, not a failure.
        """,
        fix: "Scope the Resource to the ARNs the role needs.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#,
                     note: "GetAuthorizationToken has no resource-level permissions: * is required"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        var resolved: [[ActionInfo?]]?
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated, let star = r.items.first(where: { $0.value == "*" }) else { continue }
            guard let granted = st.action, !granted.negated else { continue }
            // Per-item answers (`ScopableFacts`): `*` alone has ~15,000 scopable actions.
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            let facts = ScopableFacts.of(granted.items, resolved: resolved![si])
            let s = facts.count == 1 ? Summary(facts[0]) : Summary(facts)
            guard s.nameCount > 0 else { continue }
            out.append(description.finding(
                "\(st.label) allows \(list(s.names, count: s.nameCount, limit: 5)) on every resource, though \(s.nameCount == 1 ? "it supports" : "they support") resource-level permissions (\(list(s.types, count: s.typeCount, limit: 4)))",
                fix: "Replace \"*\" with the ARNs of the \(list(s.types, count: s.typeCount, limit: 3)) the role needs; keep actions that only work on * (like ecr:GetAuthorizationToken) in a statement of their own.",
                at: star.pointer))
        }
        return out
    }

    /// `RuleSupport.list` of a list known by its first names and its length.
    private static func list(_ shown: [String], count: Int, limit: Int) -> String {
        let text = shown.prefix(limit).joined(separator: ", ")
        return count > limit ? "\(text) and \(count - limit) more" : text
    }

    /// What the messages show of a statement's scopable actions and their resource types: the
    /// first five names (in order, without duplicates), the first four types (sorted), and how
    /// many there are of each.
    private struct Summary {
        var names: [String] = [], nameCount = 0
        var types: [String] = [], typeCount = 0

        init(_ facts: ScopableFacts) {
            names = (0..<min(5, facts.count)).map(facts.name); nameCount = facts.count
            types = Array(facts.types.prefix(4)); typeCount = facts.types.count
        }

        /// The union over several items, on ids: sorting and marking integers, not hashing and
        /// sorting strings.
        init(_ all: [ScopableFacts]) {
            var ids: [Int32] = [], seen: [Int32] = []
            for f in all {
                ids.append(contentsOf: f.actionIDs)
                for (k, id) in f.actionIDs.enumerated() where !seen.contains(id) {
                    if names.count == 5 { break }
                    seen.append(id); names.append(f.name(k))
                }
            }
            nameCount = Self.distinct(&ids)
            guard nameCount > 0 else { return }
            // Types: marked by id (dense, ~1,500 in all), keeping the four smallest names.
            var maxType: Int32 = -1
            for f in all { for id in f.typeIDs where id > maxType { maxType = id } }
            var marked = [Bool](repeating: false, count: Int(maxType) + 1)
            for f in all {
                for (k, id) in f.typeIDs.enumerated() where !marked[Int(id)] {
                    marked[Int(id)] = true
                    typeCount += 1
                    let name = f.types[k]
                    if types.count == 4 && !(name < types[3]) { continue }
                    let at = types.firstIndex { name < $0 } ?? types.count
                    types.insert(name, at: at)
                    if types.count > 4 { types.removeLast() }
                }
            }
        }

        /// The number of distinct values (sorts them).
        private static func distinct(_ ids: inout [Int32]) -> Int {
            ids.sort()
            var n = 0, last: Int32 = -1
            for id in ids where id != last { n += 1; last = id }
            return n
        }
    }
}
