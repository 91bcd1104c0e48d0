/// A risk table indexed for lookups by action name: exact rows in a dictionary, glob rows in table
/// order, both lower-cased once.
///
/// `RiskCatalog.categories(for:)` runs for every action a wildcard grants (20,000 for `*`); scanning
/// each table with Foundation's case-insensitive compare made it most of `ecsrole lint`'s run time on
/// the managed-policy corpus. The answer is the same: the first row, in table order, that matches.
struct RiskIndex: Sendable {
    private let entries: [RiskEntry]
    private let exact: [String: Int]
    private let globs: [(index: Int, pattern: [Unicode.Scalar])]

    init(_ table: [RiskEntry]) {
        entries = table
        var exact: [String: Int] = [:]
        var globs: [(index: Int, pattern: [Unicode.Scalar])] = []
        for (i, e) in table.enumerated() {
            let p = e.pattern.lowercased()
            if Glob.hasWildcard(p) { globs.append((i, Array(p.unicodeScalars))) } else if exact[p] == nil { exact[p] = i }
        }
        self.exact = exact
        self.globs = globs
    }

    /// The first row matching `fullName`, ignoring case.
    func first(_ fullName: String) -> RiskEntry? {
        let lower = fullName.lowercased()
        var best = exact[lower]
        if !globs.isEmpty {
            let text = Array(lower.unicodeScalars)
            for g in globs {
                if let b = best, g.index > b { break }
                if Glob.matchScalars(g.pattern, text) { best = g.index; break }
            }
        }
        return best.map { entries[$0] }
    }
}

/// Escalation paths by lower-cased action name, each list in table order.
struct EscalationIndex: Sendable {
    private let byAction: [String: [EscalationPath]]

    init(_ paths: [EscalationPath]) {
        var by: [String: [EscalationPath]] = [:]
        for path in paths {
            for a in Set(path.actions.map { $0.lowercased() }) { by[a, default: []].append(path) }
        }
        byAction = by
    }

    func paths(involving fullName: String) -> [EscalationPath] { byAction[fullName.lowercased()] ?? [] }
}
