/// Whether two wildcard patterns could match a common string — the question behind "can this
/// policy `Resource` ever match that ARN format?".
///
/// `Glob.matches` answers pattern-vs-text and `Glob.covers` pattern-contains-pattern; overlap is
/// the third question, and with `*` on both sides it needs a search over both strings at once.
public enum PatternOverlap {
    /// One position of a tokenised pattern.
    enum Token: Equatable {
        case literal(UInt8)
        /// `?`: exactly one character.
        case one
        /// `*`: any run, including none.
        case star
    }

    /// Whether some string matches both glob patterns (`*` and `?` wildcards, case-sensitive).
    public static func overlaps(_ a: String, _ b: String) -> Bool {
        overlaps(globTokens(a, policyVariables: false), globTokens(b, policyVariables: false))
    }

    /// Whether a policy `Resource` pattern could match some ARN of the given format.
    ///
    /// In the pattern, `*`/`?` are wildcards, `${*}`, `${?}`, `${$}` are the literal characters and
    /// any other `${…}` is a policy variable (its value is unknown, so it may be anything). In the
    /// format, each `${Name}` stands for any non-empty text — including `/` and `:`, since resource
    /// names such as S3 keys or log-stream names may contain them.
    public static func resourceCouldMatch(policyPattern: String, arnFormat: String) -> Bool {
        overlaps(globTokens(policyPattern, policyVariables: true), formatTokens(arnFormat))
    }

    /// Reachability over (position in a, position in b). Every move advances at least one side,
    /// so visiting states in row-major order sees each state after all its predecessors.
    static func overlaps(_ a: [Token], _ b: [Token]) -> Bool {
        let n = a.count, m = b.count, width = m + 1
        var reach = [Bool](repeating: false, count: (n + 1) * width)
        reach[0] = true
        for i in 0...n {
            for j in 0...m where reach[i * width + j] {
                if i == n && j == m { return true }
                // A star may match nothing.
                if i < n && a[i] == .star { reach[(i + 1) * width + j] = true }
                if j < m && b[j] == .star { reach[i * width + j + 1] = true }
                // Or both sides consume one shared character; a star stays put after consuming.
                guard i < n && j < m, compatible(a[i], b[j]) else { continue }
                let ni = a[i] == .star ? i : i + 1, nj = b[j] == .star ? j : j + 1
                if ni != i || nj != j { reach[ni * width + nj] = true }
            }
        }
        return reach[n * width + m]
    }

    private static func compatible(_ x: Token, _ y: Token) -> Bool {
        if case .literal(let p) = x, case .literal(let q) = y { return p == q }
        return true
    }

    /// Tokens of a glob; with `policyVariables`, `${…}` is decoded as IAM does in Resource values.
    static func globTokens(_ s: String, policyVariables: Bool) -> [Token] {
        let bytes = Array(s.utf8)
        var out: [Token] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if policyVariables && c == UInt8(ascii: "$") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "{"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) {
                let inner = bytes[(i + 2)..<close]
                if inner.count == 1, let ch = inner.first, ch == UInt8(ascii: "*") || ch == UInt8(ascii: "?") || ch == UInt8(ascii: "$") {
                    out.append(.literal(ch))
                } else {
                    out.append(.star) // unknown variable value
                }
                i = close + 1
                continue
            }
            switch c {
            case UInt8(ascii: "*"): if out.last != .star { out.append(.star) }
            case UInt8(ascii: "?"): out.append(.one)
            default: out.append(.literal(c))
            }
            i += 1
        }
        return out
    }

    /// Tokens of an ARN format: `${Name}` → one-or-more characters; a bare `*` is a wildcard.
    static func formatTokens(_ s: String) -> [Token] {
        let bytes = Array(s.utf8)
        var out: [Token] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "{"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) {
                out.append(.one)
                out.append(.star)
                i = close + 1
                continue
            }
            out.append(bytes[i] == UInt8(ascii: "*") ? .star : .literal(bytes[i]))
            i += 1
        }
        return out
    }
}
