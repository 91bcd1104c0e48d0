/// "Did you mean" for unknown actions and services.
extension ActionCatalog {
    /// Suggestions for an unknown `service:Action`, best first (at most 5).
    ///
    /// Unknown service → the closest prefixes (with the same action name when that exists there,
    /// e.g. `secretmanager:GetSecretValue` → `secretsmanager:GetSecretValue`); a bare `secretmanager:`
    /// yields `secretsmanager`. Known service → its closest action names by edit distance.
    public func suggestions(for unknownAction: String) -> [String] {
        let parts = unknownAction.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let servicePart = String(parts[0]).lowercased()
        let actionPart = parts.count > 1 ? String(parts[1]) : ""
        if let svc = service(servicePart) {
            guard !actionPart.isEmpty else { return [] }
            return Self.closest(actionPart, among: svc.actions.map(\.name), limit: 5).map { svc.prefix + ":" + $0 }
        }
        let prefixes = Self.closest(servicePart, among: servicePrefixes, limit: 5)
        return prefixes.map { prefix in
            if !actionPart.isEmpty, let a = service(prefix)?.action(named: actionPart) { return a.fullName }
            return prefix
        }
    }

    /// The candidates within a length-dependent edit distance of `word` (case-insensitive), nearest
    /// first; candidates that merely add or drop a suffix/prefix (`BatchGetImages`) also qualify.
    static func closest(_ word: String, among candidates: [String], limit: Int) -> [String] {
        let w = Array(word.lowercased().utf8)
        guard !w.isEmpty else { return [] }
        // One edit per four characters, at least 2: catches typos without suggesting noise.
        let budget = max(2, w.count / 4)
        var scored: [(Int, String)] = []
        for c in candidates {
            let lc = Array(c.lowercased().utf8)
            if abs(lc.count - w.count) > budget { continue }
            let d = editDistance(w, lc, cap: budget)
            if d <= budget { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// Levenshtein distance with an early exit once every cell of a row exceeds `cap`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > cap { return cap + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
