/// A risk table indexed for lookups by action name: exact rows in a dictionary, glob rows in table
/// order, both lower-cased once.
///
/// `RiskCatalog.categories(for:)` runs for every action a wildcard grants (20,000 for `*`); scanning
/// each table with Foundation's case-insensitive compare made it most of `ecsrole lint`'s run time on
/// the managed-policy corpus. The answer is the same: the first row, in table order, that matches.
struct RiskIndex: Sendable {
    private typealias GlobRow = (index: Int, pattern: [Unicode.Scalar], bytes: [UInt8]?)
    private let entries: [RiskEntry]
    private let exact: [String: Int]
    /// Glob rows by the lower-cased service part of their pattern, each list in table order: an
    /// action is matched only against its own service's globs (a handful) instead of all of them.
    private let globsByService: [String: [GlobRow]]
    /// Glob rows whose service part is itself a wildcard (none today), checked for every action.
    private let anyServiceGlobs: [GlobRow]

    init(_ table: [RiskEntry]) {
        entries = table
        var exact: [String: Int] = [:]
        var byService: [String: [GlobRow]] = [:], anyService: [GlobRow] = []
        for (i, e) in table.enumerated() {
            let p = e.pattern.lowercased()
            guard Glob.hasWildcard(p) else {
                if exact[p] == nil { exact[p] = i }
                continue
            }
            let row: GlobRow = (i, Array(p.unicodeScalars), p.utf8.allSatisfy { $0 < 0x80 } ? Array(p.utf8) : nil)
            if let colon = p.firstIndex(of: ":"), !Glob.hasWildcard(String(p[..<colon])) {
                byService[String(p[..<colon]), default: []].append(row)
            } else {
                anyService.append(row)
            }
        }
        self.exact = exact
        globsByService = byService
        anyServiceGlobs = anyService
    }

    /// The first row matching `fullName`, ignoring case.
    func first(_ fullName: String) -> RiskEntry? { first(lower: fullName.lowercased()) }

    /// `first` for a name that is already lower-cased (`RiskCatalog.categories` asks five tables).
    func first(lower: String) -> RiskEntry? {
        let service = lower.utf8.firstIndex(of: UInt8(ascii: ":")).map { String(lower[..<$0]) } ?? lower
        return first(lower: lower, service: service)
    }

    /// `first(lower:)` given the name's service part (`RiskCatalog.categories` asks four tables
    /// about one action: the part is cut once, not once per table).
    func first(lower: String, service: String) -> RiskEntry? {
        var best = exact[lower]
        let own = globsByService[service] ?? []
        if own.isEmpty && anyServiceGlobs.isEmpty { return best.map { entries[$0] } }
        // Action names are ASCII: match bytes (same answer as scalars), no scalar arrays per lookup.
        let ascii = lower.utf8.allSatisfy { $0 < 0x80 }
        let text = ascii ? [] : Array(lower.unicodeScalars)
        func hit(_ g: GlobRow) -> Bool {
            if ascii, let pb = g.bytes {
                return pb.withUnsafeBufferPointer { p in lower.withUTF8Bytes { Glob.matchBytes(p, $0, caseInsensitive: false) } }
            }
            return Glob.matchScalars(g.pattern, ascii ? Array(lower.unicodeScalars) : text)
        }
        // The first matching row in table order: walk both lists merged by index.
        var a = 0, b = 0
        while a < own.count || b < anyServiceGlobs.count {
            let g: GlobRow
            if b >= anyServiceGlobs.count || (a < own.count && own[a].index < anyServiceGlobs[b].index) {
                g = own[a]; a += 1
            } else {
                g = anyServiceGlobs[b]; b += 1
            }
            if let bst = best, g.index > bst { break }
            if hit(g) { best = g.index; break }
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

    /// `paths(involving:)` for a name that is already lower-cased.
    func paths(lower: String) -> [EscalationPath] { byAction[lower] ?? [] }
}
