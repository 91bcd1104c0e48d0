/// IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one.
///
/// Actions compare case-insensitively, resources and most condition values case-sensitively,
/// so the caller chooses. Linear-time two-pointer algorithm (no recursion) so adversarial
/// patterns like `a*a*a*a*b` cannot blow up on long ARNs.
public enum Glob {
    /// Whether `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> Bool {
        // ASCII (every action and nearly every ARN) matches on UTF-8 bytes without copying or
        // lower-casing: building scalar arrays here was a tenth of `lint`'s time. Same answers.
        if let r = matchASCII(pattern, text, caseInsensitive: caseInsensitive) { return r }
        if caseInsensitive {
            return matchScalars(Array(pattern.lowercased().unicodeScalars), Array(text.lowercased().unicodeScalars))
        }
        return matchScalars(Array(pattern.unicodeScalars), Array(text.unicodeScalars))
    }

    /// Whether the pattern contains a wildcard at all.
    public static func hasWildcard(_ pattern: String) -> Bool {
        // A byte scan: with Foundation imported, `contains("*")` resolves to the substring search
        // `range(of:)`, which was a quarter of `lint`'s time on the managed-policy corpus.
        // Over the contiguous bytes: iterating the `UTF8View` generically cost a few times more,
        // and the rules ask this of every Action item several times.
        return pattern.withUTF8Bytes { b in
            for c in b where c == UInt8(ascii: "*") || c == UInt8(ascii: "?") { return true }
            return false
        }
    }

    /// `matches` on UTF-8 bytes, or nil when either string is not ASCII (then scalars and Unicode
    /// lower-casing decide).
    private static func matchASCII(_ pattern: String, _ text: String, caseInsensitive: Bool) -> Bool? {
        return pattern.withUTF8Bytes { p in
            text.withUTF8Bytes { t in
                if !isASCII(p) || !isASCII(t) { return nil }
                return matchBytes(p, t, caseInsensitive: caseInsensitive)
            }
        }
    }

    @inline(__always) static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for x in b { acc |= x }
        return acc < 0x80
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
        c &- 65 < 26 ? c | 0x20 : c
    }

    /// The two-pointer match of `matchScalars` over ASCII bytes.
    static func matchBytes(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count {
                let pc = caseInsensitive ? lower(p[pi]) : p[pi]
                let tc = caseInsensitive ? lower(t[ti]) : t[ti]
                if pc == question || (pc != star && pc == tc) {
                    pi += 1; ti += 1; continue
                }
                if pc == star { starP = pi; starT = ti; pi += 1; continue }
            }
            if starP >= 0 {
                pi = starP + 1; starT += 1; ti = starT
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == star { pi += 1 }
        return pi == p.count
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
        if let r = coversASCII(outer, inner, caseInsensitive: caseInsensitive) { return r }
        // Treat the inner pattern's wildcards as literal characters that `outer` must absorb with its own
        // wildcards of at least the same power: `*` in inner needs `*` in outer at that point.
        let o = Array((caseInsensitive ? outer.lowercased() : outer).unicodeScalars)
        let i = Array((caseInsensitive ? inner.lowercased() : inner).unicodeScalars)
        return coversScalars(o, 0, i, 0, memo: [:]).0
    }

    /// `covers` over ASCII bytes (nil when either side is not ASCII): `redundant-statement` asks this
    /// for every pair of items of every pair of statements, so no copies and no memo table.
    private static func coversASCII(_ outer: String, _ inner: String, caseInsensitive: Bool) -> Bool? {
        return outer.withUTF8Bytes { ob in
            inner.withUTF8Bytes { ib -> Bool? in
                if !isASCII(ob) || !isASCII(ib) { return nil }
                return coversBytes(ob, ib, caseInsensitive: caseInsensitive)
            }
        }
    }

    /// `covers` over ASCII bytes. The inner pattern is read as text whose `*` only an outer `*` can
    /// absorb and whose `?` an outer `?` or `*`; every outer token other than `*` then tests one
    /// inner symbol, so the two-pointer search of `matchBytes` is exact here too (it replaced a
    /// memoised recursion that allocated a table per call; same answers).
    static func coversBytes(_ o: UnsafeBufferPointer<UInt8>, _ i: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var oi = 0, ii = 0
        var starO = -1, starI = 0
        while ii < i.count {
            if oi < o.count {
                let oc = caseInsensitive ? lower(o[oi]) : o[oi]
                let ic = caseInsensitive ? lower(i[ii]) : i[ii]
                if oc == star { starO = oi; starI = ii; oi += 1; continue }
                if ic != star && (oc == question || (oc == ic && ic != question)) {
                    oi += 1; ii += 1; continue
                }
            }
            if starO >= 0 {
                oi = starO + 1; starI += 1; ii = starI
            } else {
                return false
            }
        }
        while oi < o.count && o[oi] == star { oi += 1 }
        return oi == o.count
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
