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
        // Per resource pattern, shared by the statements naming it (`ResourceFit` memoises formats:
        // `s3:*` has hundreds of actions and five formats).
        var fits: [String: ResourceFit] = [:]
        func fit(_ pattern: String) -> ResourceFit {
            if let hit = fits[pattern] { return hit }
            let f = ResourceFit(pattern)
            // Room for a few patterns at once: growing from one slot rehashed at 1, 2 and 4.
            if fits.isEmpty { fits.reserveCapacity(8) }
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
            // Sized on the first ARN (`filter` grew its result one append at a time).
            var resources: [Located<String>] = []
            for k in r.items.indices where isARN(r.items[k].value) {
                if resources.isEmpty { resources.reserveCapacity(r.items.count - k) }
                resources.append(r.items[k])
            }
            guard !resources.isEmpty else { continue }
            // Without an Action list the statement grants nothing by name: nothing to say.
            guard let act = st.action, !act.negated else { continue }
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            let granted = Granted.items(act.items, resolved: resolved![si])
            // The first action with resource-level permissions (nil: none has them, or no action).
            var expected: ActionInfo?
            for g in granted {
                if let a = g.first(where: \.supportsResourceLevelPermissions) { expected = a; break }
            }
            guard granted.contains(where: { $0.count > 0 }) else { continue }
            let targets = resources.map { fit($0.value) }
            // Per resource: fits no action of the statement.
            if let expected {
                for (res, target) in zip(resources, targets) {
                    let fits = granted.contains { $0.first { a in a.supportsResourceLevelPermissions && target.fits(a) } != nil }
                    guard !fits else { continue }
                    let formats = expected.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(description.finding(
                        "Resource \"\(res.value)\" fits none of the resource types of \(names(granted, limit: 3)); e.g. \(expected.fullName) expects \(formats)",
                        fix: "Write the ARN in the form \(formats).", at: res.pointer))
                }
            }
            // Per named action (no wildcard): fits none of the resources.
            for g in granted where !g.isPattern {
                guard let a = g.single else { continue }
                let item = g.item
                if !a.supportsResourceLevelPermissions {
                    out.append(description.finding(
                        "\(a.fullName) supports no resource-level permissions: it is allowed only by \"Resource\": \"*\", so \(st.label) never allows it",
                        fix: "Move \(a.fullName) to a statement with \"Resource\": \"*\".", at: item.pointer))
                    continue
                }
                if !targets.contains(where: { $0.fits(a) }) {
                    let formats = a.resourceTypes.flatMap(\.arnFormats).prefix(2).joined(separator: " or ")
                    out.append(description.finding(
                        "\(a.fullName) applies to \(RuleSupport.list(a.resourceTypes.map(\.name), limit: 3)) (\(formats)); none of the statement's resources has that form, so it is never allowed",
                        fix: "Add a Resource of the form \(formats).", at: item.pointer))
                }
            }
        }
        return out
    }

    /// The actions one Action item of an Allow statement grants (`RuleSupport.grantedActions`):
    /// a plain name's resolved action, or a pattern's expansion. A plain name is held as itself,
    /// not as a one-element array: building one per name was an allocation per item.
    private struct Granted {
        let item: Located<String>
        let single: ActionInfo?
        let expansion: [ActionInfo]
        let isPattern: Bool

        var count: Int { single != nil ? 1 : expansion.count }

        /// The first granted action satisfying `test`, in expansion order.
        func first(where test: (ActionInfo) -> Bool) -> ActionInfo? {
            if let single { return test(single) ? single : nil }
            return expansion.first(where: test)
        }

        /// Every item's grant; plain names come resolved for the policy (`PolicyMemo`), which
        /// resolves no pattern.
        static func items(_ items: [Located<String>], resolved: [ActionInfo?]) -> [Granted] {
            var out: [Granted] = []
            out.reserveCapacity(items.count)
            for (k, item) in items.enumerated() {
                if let a = resolved[k] {
                    out.append(Granted(item: item, single: a, expansion: [], isPattern: false))
                } else if Glob.hasWildcard(item.value) {
                    out.append(Granted(item: item, single: nil, expansion: RuleSupport.expand(item.value), isPattern: true))
                } else {
                    out.append(Granted(item: item, single: nil, expansion: [], isPattern: false))
                }
            }
            return out
        }
    }

    /// `RuleSupport.list` of the full names of all granted actions, building only the names shown.
    private static func names(_ granted: [Granted], limit: Int) -> String {
        var shown: [String] = [], count = 0
        for g in granted {
            count += g.count
            if let a = g.single {
                if shown.count < limit { shown.append(a.fullName) }
            } else {
                for a in g.expansion.prefix(max(0, limit - shown.count)) { shown.append(a.fullName) }
            }
        }
        let list = shown.joined(separator: ", ")
        return count > limit ? "\(list) and \(count - limit) more" : list
    }

    /// Whether `text` parses as an `ARN` (`arn:` and five colons), without building its parts.
    static func isARN(_ text: String) -> Bool {
        let fast: Bool? = text.withUTF8Bytes { b in
            // Non-ASCII: `ARN` splits on Characters, where a colon may carry combining marks.
            guard Glob.isASCII(b) else { return nil }
            guard b.count >= 4, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "r"), b[2] == UInt8(ascii: "n"),
                  b[3] == UInt8(ascii: ":") else { return false }
            var colons = 0
            for c in b where c == UInt8(ascii: ":") { colons += 1; if colons == 5 { return true } }
            return false
        }
        return fast ?? (ARN(text) != nil)
    }

    /// AWS renamed CodeStar Connections to CodeConnections and documents both ARN prefixes as naming
    /// the same resources, while the catalog knows only the prefix of each action's own service.
    static let renamedServices = ["codeconnections": "codestar-connections", "codestar-connections": "codeconnections"]

    private static let renamedServiceBytes = renamedServices.keys.map { Array($0.utf8) }

    /// The pattern, plus the same ARN under the service's other name when it was renamed.
    static func serviceAliases(_ pattern: String) -> [String] {
        // Nearly every pattern names another service: tell from its bytes before parsing an `ARN`.
        let renamed: Bool? = pattern.withUTF8Bytes { b in
            guard Glob.isASCII(b) else { return nil } // `ARN` splits Characters: leave it to `ARN`
            var colons = 0, start = 0
            for (i, c) in b.enumerated() where c == UInt8(ascii: ":") {
                colons += 1
                if colons == 2 { start = i + 1 }
                if colons == 3 { return renamedServiceBytes.contains { $0.elementsEqual(b[start..<i]) } }
            }
            return false
        }
        if renamed == false { return [pattern] }
        guard var arn = ARN(pattern), let other = renamedServices[arn.service] else { return [pattern] }
        arn.service = other
        return [pattern, arn.description]
    }
}
