/// IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one.
///
/// Actions compare case-insensitively, resources and most condition values case-sensitively,
/// so the caller chooses. Linear-time two-pointer algorithm (no recursion) so adversarial
/// patterns like `a*a*a*a*b` cannot blow up on long ARNs.
public enum Glob {
    /// Whether `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        if caseInsensitive {
            return matchScalars(Array(pattern.lowercased().unicodeScalars), Array(text.lowercased().unicodeScalars))
        }
        return matchScalars(Array(pattern.unicodeScalars), Array(text.unicodeScalars))
    }

    /// Whether the pattern contains a wildcard at all.
    public static func hasWildcard(_ pattern: String) -> Bool {
        // A byte scan: with Foundation imported, `contains("*")` resolves to the substring search
        // `range(of:)`, which was a quarter of `lint`'s time on the managed-policy corpus.
        pattern.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    static func matchScalars(_ p: [Unicode.Scalar], _ t: [Unicode.Scalar]) -> Bool {
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || (p[pi] != "*" && p[pi] == t[ti])) {
                pi += 1; ti += 1
            } else if pi < p.count && p[pi] == "*" {
                starP = pi; starT = ti; pi += 1
            } else if starP >= 0 {
                pi = starP + 1; starT += 1; ti = starT
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether every string matched by `inner` is also matched by `outer` (a sound but incomplete
    /// check: true means "certainly covered"). Used for redundancy and coverage questions.
    public static func covers(_ outer: String, _ inner: String, caseInsensitive: Bool = false) -> Bool {
        if outer == "*" { return true }
        if !hasWildcard(inner) { return matches(outer, inner, caseInsensitive: caseInsensitive) }
        // Treat the inner pattern's wildcards as literal characters that `outer` must absorb with its own
        // wildcards of at least the same power: `*` in inner needs `*` in outer at that point.
        let o = Array((caseInsensitive ? outer.lowercased() : outer).unicodeScalars)
        let i = Array((caseInsensitive ? inner.lowercased() : inner).unicodeScalars)
        return coversScalars(o, 0, i, 0, memo: [:]).0
    }

    private static func coversScalars(_ o: [Unicode.Scalar], _ oi: Int, _ i: [Unicode.Scalar], _ ii: Int,
                                      memo: [Int: Bool]) -> (Bool, [Int: Bool]) {
        var memo = memo
        let key = oi * (i.count + 1) + ii
        if let hit = memo[key] { return (hit, memo) }
        var result: Bool
        if oi == o.count {
            result = ii == i.count
        } else if o[oi] == "*" {
            // `*` absorbs zero or more inner symbols, whatever they are.
            var r: Bool
            (r, memo) = coversScalars(o, oi + 1, i, ii, memo: memo)
            if !r && ii < i.count { (r, memo) = coversScalars(o, oi, i, ii + 1, memo: memo) }
            result = r
        } else if ii == i.count {
            result = false
        } else if o[oi] == "?" {
            // `?` covers any single literal or `?`, never `*`.
            if i[ii] == "*" { result = false } else { (result, memo) = coversScalars(o, oi + 1, i, ii + 1, memo: memo) }
        } else {
            if o[oi] == i[ii] && i[ii] != "*" && i[ii] != "?" {
                (result, memo) = coversScalars(o, oi + 1, i, ii + 1, memo: memo)
            } else { result = false }
        }
        memo[key] = result
        return (result, memo)
    }
}
