/// The escalation methods needing several actions that a policy fully grants (every action of the
/// method matched by an Allow statement's Action item, ignoring case): the privilege-escalation
/// rule reports such a method's actions only then.
///
/// The definition lower-cased every Allow item of the policy into a set to look up the methods'
/// few actions. Here a plain ASCII item is hashed on its bytes as it would read lower-cased
/// (`CoverList.literalKey`) and compared only with the methods' actions of that hash; only
/// patterns and non-ASCII items are lower-cased as strings. Same answers (`enabledByDefinition`).
enum EscalationCombos {
    /// The methods with more than one action, in table order, with their actions' indices in
    /// `actions`; and those distinct actions, lower-cased.
    private static let table: (methods: [(name: String, actions: [Int])], actions: [String]) = {
        var index: [String: Int] = [:], actions: [String] = []
        let methods = RiskCatalog.escalationPaths.filter { $0.actions.count > 1 }.map { path in
            (path.name, path.actions.map { a -> Int in
                let lower = a.lowercased()
                if let i = index[lower] { return i }
                index[lower] = actions.count
                actions.append(lower)
                return actions.count - 1
            })
        }
        return (methods, actions)
    }()

    private static var methods: [(name: String, actions: [Int])] { table.methods }
    private static var actions: [String] { table.actions }

    /// `actions`' indices by `CoverList.literalKey` (actions are ASCII literals).
    private static let byKey: [UInt64: [Int]] = {
        var out: [UInt64: [Int]] = [:]
        for (i, a) in actions.enumerated() { if let k = CoverList.literalKey(a) { out[k, default: []].append(i) } }
        return out
    }()

    /// The names of the methods needing several actions that `policy` fully grants.
    static func enabled(by policy: Policy) -> Set<String> {
        var granted = [Bool](repeating: false, count: actions.count)
        var globs: [String] = []
        for st in policy.statements where st.effect == .allow {
            guard let a = st.action, !a.negated else { continue }
            // Items read in place, not copied out one by one (a retain and a release each).
            let items = a.items
            for k in items.indices {
                if let key = CoverList.literalKey(items[k].value) {
                    // An ASCII literal: compare with the actions of its hash, ignoring case.
                    guard let candidates = byKey[key] else { continue }
                    for i in candidates where equalIgnoringASCIICase(items[k].value, actions[i]) { granted[i] = true }
                    continue
                }
                let lower = items[k].value.lowercased()
                if Glob.hasWildcard(lower) {
                    globs.append(lower)
                } else if let i = actions.firstIndex(of: lower) {
                    granted[i] = true
                }
            }
        }
        func isGranted(_ i: Int) -> Bool { granted[i] || globs.contains { Glob.matches($0, actions[i]) } }
        var out = Set<String>()
        for method in methods where method.actions.allSatisfy(isGranted) { out.insert(method.name) }
        return out
    }

    /// The definition `enabled(by:)` answers like: every Allow item lower-cased, literals in a set.
    static func enabledByDefinition(_ policy: Policy) -> Set<String> {
        let items = policy.statements.filter { $0.effect == .allow && $0.action?.negated == false }.flatMap { $0.action!.values.map { $0.lowercased() } }
        let exact = Set(items.filter { !Glob.hasWildcard($0) })
        let globs = items.filter { Glob.hasWildcard($0) }
        func granted(_ action: String) -> Bool {
            let a = action.lowercased()
            return exact.contains(a) || globs.contains { Glob.matches($0, a) }
        }
        return Set(RiskCatalog.escalationPaths.filter { $0.actions.count > 1 && $0.actions.allSatisfy(granted) }.map(\.name))
    }

    /// Whether ASCII `text` lower-cased is `lower` (already lower-case ASCII).
    private static func equalIgnoringASCIICase(_ text: String, _ lower: String) -> Bool {
        return text.withUTF8Bytes { t in
            lower.withUTF8Bytes { l in
                guard t.count == l.count else { return false }
                for k in 0..<t.count where Glob.lower(t[k]) != l[k] { return false }
                return true
            }
        }
    }
}
