/// Small queries the generic rules share. Internal: rules are the public surface.
enum RuleSupport {
    /// The service prefix an Action entry names literally (`ecr` in `ecr:Get*`), or nil for `*`,
    /// an entry without a colon, or a wildcard in the service part (which IAM does not allow).
    static func literalService(_ action: String) -> String? {
        // A byte search for the colon: `firstIndex(of:)` on a String walks Characters.
        guard action != "*", let colon = action.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let service = String(action.unicodeScalars[..<colon])
        guard !service.isEmpty, !Glob.hasWildcard(service) else { return nil }
        return service
    }

    static let catalog = ActionCatalog.shared

    /// Whether a Resource pattern reaches (nearly) everything: `*`, `arn:aws:s3:::*`,
    /// `arn:aws:logs:*:*:*`, `arn:aws:iam::*:role/*`.
    static func isBroadResource(_ pattern: String) -> Bool {
        if pattern == "*" { return true }
        // The risk scan asks this of every Resource of every Allow statement: ASCII text is answered
        // on its bytes, without building the ARN's five strings.
        if let answer = pattern.withUTF8Bytes({ Glob.isASCII($0) ? broadASCII($0) : nil }) { return answer }
        return broadByARN(pattern)
    }

    /// `isBroadResource` by parsing an `ARN`: the definition the byte path follows (and the path
    /// for non-ASCII text).
    static func broadByARN(_ pattern: String) -> Bool {
        if pattern == "*" { return true }
        guard let arn = ARN(pattern) else { return false }
        if arn.account.utf8.contains(UInt8(ascii: "*")) && (arn.resource.hasPrefix("*") || arn.resourceName.hasPrefix("*")) { return true }
        return arn.resource == "*" || arn.resource.hasPrefix("*") || arn.resourceName == "*"
    }

    /// `isBroadResource` of ASCII text, with `ARN`'s splitting: the first five colons cut the parts,
    /// and the resource name follows the resource's first `/` or `:`.
    private static func broadASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let colon = UInt8(ascii: ":"), star = UInt8(ascii: "*"), slash = UInt8(ascii: "/")
        guard b.count >= 4, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "r"), b[2] == UInt8(ascii: "n"), b[3] == colon else { return false }
        var cuts = 1, i = 4, accountStart = 0, resourceStart = 0
        while i < b.count && cuts < 5 {
            if b[i] == colon {
                cuts += 1
                if cuts == 4 { accountStart = i + 1 }
                if cuts == 5 { resourceStart = i + 1 }
            }
            i += 1
        }
        guard cuts == 5 else { return false }
        // `resource` starts with `*` (this covers `resource == "*"`).
        if resourceStart < b.count && b[resourceStart] == star { return true }
        var cut = resourceStart
        while cut < b.count && b[cut] != slash && b[cut] != colon { cut += 1 }
        // No separator: the resource name is empty.
        guard cut < b.count else { return false }
        let nameStart = cut + 1
        if nameStart == b.count - 1 && b[nameStart] == star { return true }
        let accountWild = b[accountStart..<(resourceStart - 1)].contains(star)
        return accountWild && nameStart < b.count && b[nameStart] == star
    }

    /// Up to `limit` names, then "and N more".
    static func list(_ names: [String], limit: Int = 5) -> String {
        list(names, total: names.count, limit: limit)
    }

    /// `list` of a longer list of which only the first names are at hand: `total` names in all.
    static func list(_ names: [String], total: Int, limit: Int) -> String {
        // Appended into one string of the right capacity: the messages of a corpus call this
        // tens of thousands of times, and joining a slice then interpolating built it twice.
        let shown = min(limit, names.count)
        var length = total > limit ? 24 : 0
        for k in 0..<shown { length += names[k].utf8.count + 2 }
        var text = ""
        text.reserveCapacity(length)
        for k in 0..<shown {
            if k > 0 { text += ", " }
            text += names[k]
        }
        if total > limit {
            text += " and "
            text += String(total - limit)
            text += " more"
        }
        return text
    }

    /// `list(_:total:limit:)` by its definition: the first names joined, then "and N more".
    static func listByJoining(_ names: [String], total: Int, limit: Int) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return total > limit ? "\(shown) and \(total - limit) more" : shown
    }

    /// "123 actions (List 10, Read 40, Write 70, Permissions management 3)".
    static func summary(_ actions: [ActionInfo]) -> String {
        // Counted in an array by case (`*` has 20,000 actions: a dictionary hashed each of them).
        var counts = [Int](repeating: 0, count: AccessLevel.allCases.count)
        for a in actions { counts[levelIndex(a.accessLevel)] += 1 }
        return summary(levelCounts: counts)
    }

    /// `summary` of actions counted by access level (`levelIndex`).
    static func summary(levelCounts counts: [Int]) -> String {
        let total = counts.reduce(0, +)
        let parts = zip(AccessLevel.allCases, counts).sorted { $0.0 < $1.0 }.compactMap { l, n in n > 0 ? "\(l.displayName) \(n)" : nil }
        return "\(total) action\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")))"
    }

    /// `AccessLevel.allCases.firstIndex(of: level)` as a switch: the summary counts every action
    /// of `*`, and the generic search compared each against the cases one by one.
    @inline(__always) static func levelIndex(_ level: AccessLevel) -> Int {
        switch level {
        case .list: return 0
        case .read: return 1
        case .write: return 2
        case .permissionsManagement: return 3
        case .tagging: return 4
        }
    }

    /// The actions an Allow statement grants by name (Action, not NotAction), each with its item;
    /// plain names come already resolved for the policy (`PolicyMemo`).
    static func grantedActions(_ st: Statement, resolved: [ActionInfo?]) -> [(item: Located<String>, actions: [ActionInfo])] {
        guard st.effect == .allow, let a = st.action, !a.negated else { return [] }
        return a.items.enumerated().map { ii, item in
            (item, Glob.hasWildcard(item.value) ? expand(item.value) : resolved[ii].map { [$0] } ?? [])
        }
    }

    /// `catalog.expand`, cached per wildcard pattern: resource-mismatch expands the items of every
    /// scoped statement, and a corpus repeats patterns (`ec2:Describe*`) across policies. Plain names
    /// are one lookup, and `*` (1.5 MB of `ActionInfo`) is not kept: the few rules that expand it
    /// keep their own per-pattern answer (`PatternFacts`, `ScopableFacts`).
    static func expand(_ pattern: String) -> [ActionInfo] {
        if !Glob.hasWildcard(pattern) { return catalog.action(pattern).map { [$0] } ?? [] }
        if pattern == "*" { return catalog.expand(pattern) }
        return expandCache.value(pattern) { catalog.expand(pattern) }
    }

    private static let expandCache = RuleCache<[ActionInfo], String>()

    /// Calls `body` with each action of `expand(pattern)`, in that order. `*` is walked service by
    /// service without building its 20,455-action array (a copy and a reference count per action,
    /// for each of the per-pattern facts that walk it once per process).
    static func forEachExpanded(_ pattern: String, _ body: (ActionInfo) -> Void) {
        guard pattern == "*" else {
            for a in expand(pattern) { body(a) }
            return
        }
        // `ActionCatalog.allActions`' order: services in prefix order, each in its own order.
        for prefix in catalog.servicePrefixes {
            guard let service = catalog.service(prefix) else { continue }
            for a in service.actions { body(a) }
        }
    }

    /// Whether an Action pattern matches no catalog action, cached per pattern (unknown-action asks
    /// for every occurrence; it resolves plain names once per policy instead).
    static func matchesNothing(_ pattern: String) -> Bool {
        emptyCache.value(pattern) { expand(pattern).isEmpty }
    }

    private static let emptyCache = RuleCache<Bool, String>()

    /// `catalog.suggestions(for:)`, cached per name: the unknown names of a corpus repeat across
    /// policies (one in five), and each answer measures edit distances to hundreds of names.
    static func suggestions(for name: String) -> [String] {
        suggestionCache.value(name) { catalog.suggestions(for: name) }
    }

    private static let suggestionCache = RuleCache<[String], String>()

    /// The pointer of the policy's root object, derived from its parts' pointers.
    static func rootPointer(_ policy: Policy) -> String? {
        let any = policy.version?.pointer ?? policy.statements.first?.pointer ?? policy.id?.pointer
        // Byte searches: Foundation's backwards `range(of:)` ran once per policy for nothing.
        guard let p = any, let r = p.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        var root = String(p[..<r])
        // A statement inside an array sits two levels down (`/Statement/0`).
        if policy.version == nil && policy.id == nil && !policy.singleStatement, let r2 = root.utf8.lastIndex(of: UInt8(ascii: "/")) {
            root = String(root[..<r2])
        }
        return root
    }
}
