import IAMKit

/// Runs every rule on a role and returns findings pinned to documents, lines and columns.
///
/// The lint command, review mode and the wizard's live findings pane all call `run`; docs and
/// `explain` read `allRules`.
public enum LintEngine {
    /// Every rule's description (generic IAM rules, then role rules), in id order within each group.
    public static var allRules: [RuleDescription] {
        PolicyRules.all.map { $0.description } + RoleRules.all.map { $0.description }
    }

    /// The rule with this slug or id (case-insensitive).
    public static func rule(_ slugOrID: String) -> RuleDescription? {
        let k = slugOrID.lowercased()
        return allRules.first { $0.slug == k || $0.id.lowercased() == k }
    }

    /// Lints a role.
    /// - Parameters:
    ///   - only: rule ids or slugs to run (nil: all).
    ///   - ignore: rule ids or slugs to skip.
    /// - Returns: findings with `position` and `document` set, sorted by document then position.
    public static func run(_ role: RoleUnderReview, only: Set<String>? = nil, ignore: Set<String> = []) -> [Finding] {
        let onlyKeys = only.map { Set($0.map { $0.lowercased() }) }
        let ignoreKeys = Set(ignore.map { $0.lowercased() })
        func enabled(_ d: RuleDescription) -> Bool {
            let keys = [d.id.lowercased(), d.slug]
            if keys.contains(where: ignoreKeys.contains) { return false }
            return onlyKeys.map { o in keys.contains(where: o.contains) } ?? true
        }
        var hits: [RoleFinding] = []
        for (i, src) in role.identityPolicies.enumerated() {
            let ctx = PolicyContext(name: src.name, document: src.document, managedARN: src.managedARN)
            for rule in PolicyRules.all where rule.kinds.contains(src.policy.kind) && enabled(rule.description) {
                hits += rule.check(policy: src.policy, context: ctx).map { RoleFinding($0, in: .identity(i)) }
            }
        }
        if let trust = role.trustPolicy {
            let ctx = PolicyContext(name: trust.name, document: trust.document, managedARN: nil)
            for rule in PolicyRules.all where rule.kinds.contains(trust.policy.kind) && enabled(rule.description) {
                hits += rule.check(policy: trust.policy, context: ctx).map { RoleFinding($0, in: .trust) }
            }
        }
        var superseding: Set<String> = []
        for rule in RoleRules.all where enabled(rule.description) {
            let found = rule.check(role)
            for f in found where !rule.supersedes.isEmpty {
                for s in rule.supersedes { superseding.insert(key(f.document, statementKey(f.finding.pointer), s)) }
            }
            hits += found
        }
        hits.removeAll { superseding.contains(key($0.document, statementKey($0.finding.pointer), $0.finding.slug)) }
        var out: [(order: Int, finding: Finding)] = []
        var seen = Set<String>()
        for h in hits {
            var f = h.finding
            let order: Int
            switch h.document {
            case .identity(let i):
                let src = role.identityPolicies[i]
                f.document = src.name; f.position = src.position(of: f.pointer); order = i
            case .trust:
                f.document = "trust"; f.position = role.trustPolicy?.position(of: f.pointer); order = role.identityPolicies.count
            case .taskDefinition:
                f.document = "taskdef"; f.position = role.taskDefinition?.position(of: f.pointer); order = role.identityPolicies.count + 1
            case .role:
                f.document = role.name ?? "role"; order = role.identityPolicies.count + 2
                // Role-wide pointers (ManagedPolicyArns in a template) refer to the file the role's
                // policies were read from, when there is one.
                if !f.pointer.isEmpty {
                    let docs = ([role.trustPolicy] + role.identityPolicies.map { Optional($0) }).compactMap { $0?.document }
                    f.position = docs.first { $0.root.node(at: f.pointer) != nil }?.position(of: f.pointer)
                }
            }
            guard seen.insert("\(order)|\(f.rule)|\(f.pointer)|\(f.message)").inserted else { continue }
            out.append((order, f))
        }
        out.sort { a, b in
            if a.order != b.order { return a.order < b.order }
            let pa = a.finding.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
            let pb = b.finding.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
            if pa != pb { return pa < pb }
            return a.finding.rule < b.finding.rule
        }
        return out.map(\.finding)
    }

    static func key(_ d: RoleDocument, _ statement: String, _ slug: String) -> String { "\(d)|\(statement)|\(slug)" }

    /// The pointer of the statement a pointer lies in (`…/Statement/3`), or the pointer itself.
    static func statementKey(_ pointer: String) -> String {
        guard let r = pointer.range(of: "/Statement", options: .backwards) else { return pointer }
        let rest = pointer[r.upperBound...]
        guard rest.hasPrefix("/") else { return String(pointer[..<r.upperBound]) }
        let token = rest.dropFirst().prefix { $0 != "/" }
        return Int(token) != nil ? String(pointer[..<r.upperBound]) + "/" + token : String(pointer[..<r.upperBound])
    }
}
