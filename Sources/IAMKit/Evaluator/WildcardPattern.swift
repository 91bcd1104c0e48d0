/// A pattern after policy-variable substitution: literal characters plus `*` / `?` wildcards.
///
/// `Glob` works on raw strings, where every `*` is a wildcard; after substitution a `${*}` must stay a
/// literal asterisk and a substituted user name must never act as a wildcard, so the evaluator keeps
/// the distinction in tokens.
public struct WildcardPattern: Sendable, Equatable, CustomStringConvertible {
    /// One element of a pattern.
    public enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        /// `?`: exactly one character.
        case one
        /// `*`: any run of characters, including none.
        case many
    }

    public var tokens: [Token]

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Every character literal.
    public static func literal(_ s: String) -> WildcardPattern {
        WildcardPattern(tokens: s.unicodeScalars.map { .literal($0) })
    }

    /// `*` and `?` are wildcards, everything else literal.
    public static func glob(_ s: String) -> WildcardPattern {
        WildcardPattern(tokens: s.unicodeScalars.map { $0 == "*" ? .many : $0 == "?" ? .one : .literal($0) })
    }

    public var description: String {
        var s = ""
        for t in tokens {
            switch t {
            case .literal(let c): s.unicodeScalars.append(c)
            case .one: s += "?"
            case .many: s += "*"
            }
        }
        return s
    }

    /// Whether the pattern has any wildcard token.
    public var hasWildcard: Bool { tokens.contains { $0 == .many || $0 == .one } }

    /// Whether `text` matches. Linear two-pointer algorithm with star backtracking (as `Glob`), so
    /// adversarial patterns cannot blow up.
    public func matches(_ text: String, caseInsensitive: Bool = false) -> Bool {
        let t = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        let p: [Token] = caseInsensitive ? tokens.map(Self.lowered) : tokens
        var pi = 0, ti = 0, starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count, Self.single(p[pi], t[ti]) {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == .many {
                starP = pi; starT = ti; pi += 1
            } else if starP >= 0 {
                pi = starP + 1; starT += 1; ti = starT
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == .many { pi += 1 }
        return pi == p.count
    }

    private static func single(_ tok: Token, _ c: Unicode.Scalar) -> Bool {
        switch tok {
        case .one: return true
        case .literal(let l): return l == c
        case .many: return false
        }
    }

    private static func lowered(_ tok: Token) -> Token {
        guard case .literal(let c) = tok else { return tok }
        let l = String(c).lowercased().unicodeScalars
        return l.count == 1 ? .literal(l.first!) : tok
    }
}
