/// A risk table indexed for lookups by action name: exact rows in a dictionary, glob rows in table
/// order, both lower-cased once.
///
/// `RiskCatalog.categories(for:)` runs for every action a wildcard grants (20,000 for `*`); scanning
/// each table with Foundation's case-insensitive compare made it most of `ecsrole lint`'s run time on
/// the managed-policy corpus. The answer is the same: the first row, in table order, that matches.
struct RiskIndex: Sendable {
    private let entries: [RiskEntry]
    private let exact: [String: Int]
    private let globs: [(index: Int, pattern: [Unicode.Scalar], bytes: [UInt8]?)]

    init(_ table: [RiskEntry]) {
        entries = table
        var exact: [String: Int] = [:]
        var globs: [(index: Int, pattern: [Unicode.Scalar], bytes: [UInt8]?)] = []
        for (i, e) in table.enumerated() {
            let p = e.pattern.lowercased()
            if Glob.hasWildcard(p) { globs.append((i, Array(p.unicodeScalars), p.utf8.allSatisfy { $0 < 0x80 } ? Array(p.utf8) : nil)) } else if exact[p] == nil { exact[p] = i }
        }
        self.exact = exact
        self.globs = globs
    }

    /// The first row matching `fullName`, ignoring case.
    func first(_ fullName: String) -> RiskEntry? {
        let lower = fullName.lowercased()
        var best = exact[lower]
        if !globs.isEmpty {
            // Action names are ASCII: match bytes (same answer as scalars), no scalar arrays per lookup.
            var lowerText = lower
            let ascii = lowerText.utf8.allSatisfy { $0 < 0x80 }
            let text = ascii ? [] : Array(lower.unicodeScalars)
            for g in globs {
                if let b = best, g.index > b { break }
                let hit: Bool
                if ascii, let pb = g.bytes {
                    hit = pb.withUnsafeBufferPointer { p in lowerText.withUTF8 { Glob.matchBytes(p, $0, caseInsensitive: false) } }
                } else {
                    hit = Glob.matchScalars(g.pattern, ascii ? Array(lower.unicodeScalars) : text)
                }
                if hit { best = g.index; break }
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
