@testable import IAMKit

/// `ResourceMismatchRule.check` as it was before it held plain names without an array each
/// (`RuleSupport.grantedActions`): the reference `RuleFastPathTests` compares with.
enum ResourceMismatchReference {
    static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        // Per resource pattern, shared by the statements naming it (`ResourceFit` memoises formats:
        // `s3:*` has hundreds of actions and five formats).
        var fits: [String: ResourceFit] = [:]
        func fit(_ pattern: String) -> ResourceFit {
            if let hit = fits[pattern] { return hit }
            let f = ResourceFit(pattern)
            fits[pattern] = f
            return f
        }
        var resolved: [[ActionInfo?]]?
        for (si, st) in policy.statements.enumerated() {
            guard st.effect == .allow, let r = st.resource, !r.negated else { continue }
            // `*` in Action makes every resource fit something; nothing useful to say. Checked before
            // expanding: `*` alone is 20,455 actions.
            guard !(st.action?.negated == false && st.action!.items.contains(where: { $0.value == "*" })) else { continue }
            // `*` in Resource fits every action: checked before expanding too (half the statements).
            guard !r.items.contains(where: { $0.value == "*" }) else { continue }
            let resources = r.items.filter { ResourceMismatchRule.isARN($0.value) }
            guard !resources.isEmpty else { continue }
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            let granted = RuleSupport.grantedActions(st, resolved: resolved![si])
            // The first action with resource-level permissions (nil: none has them, or no action).
            var expected: ActionInfo?
            for (_, actions) in granted {
                if let a = actions.first(where: \.supportsResourceLevelPermissions) { expected = a; break }
            }
            guard granted.contains(where: { !$0.actions.isEmpty }) else { continue }
            let targets = resources.map { fit($0.value) }
            // Per resource: fits no action of the statement.
            if let expected {
                for (res, target) in zip(resources, targets) {
                    let fits = granted.contains { $0.actions.contains { a in a.supportsResourceLevelPermissions && target.fits(a) } }
                    guard !fits else { continue }
                    let formats = expected.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(ResourceMismatchRule.description.finding(
                        "Resource \"\(res.value)\" fits none of the resource types of \(names(granted, limit: 3)); e.g. \(expected.fullName) expects \(formats)",
                        fix: "Write the ARN in the form \(formats).", at: res.pointer))
                }
            }
            // Per named action (no wildcard): fits none of the resources.
            for (item, actions) in granted where !Glob.hasWildcard(item.value) {
                guard let a = actions.first else { continue }
                if !a.supportsResourceLevelPermissions {
                    out.append(ResourceMismatchRule.description.finding(
                        "\(a.fullName) supports no resource-level permissions: it is allowed only by \"Resource\": \"*\", so \(st.label) never allows it",
                        fix: "Move \(a.fullName) to a statement with \"Resource\": \"*\".", at: item.pointer))
                    continue
                }
                if !targets.contains(where: { $0.fits(a) }) {
                    let formats = a.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(ResourceMismatchRule.description.finding(
                        "\(a.fullName) applies to \(RuleSupport.list(a.resourceTypes.map(\.name), limit: 3)) (\(formats)); none of the statement's resources has that form, so it is never allowed",
                        fix: "Add a Resource of the form \(formats).", at: item.pointer))
                }
            }
        }
        return out
    }

    /// `RuleSupport.list` of the full names of all granted actions, building only the names shown.
    private static func names(_ granted: [(item: Located<String>, actions: [ActionInfo])], limit: Int) -> String {
        var shown: [String] = [], count = 0
        for (_, actions) in granted {
            count += actions.count
            for a in actions where shown.count < limit { shown.append(a.fullName) }
        }
        let list = shown.joined(separator: ", ")
        return count > limit ? "\(list) and \(count - limit) more" : list
    }

}
