/// Whether two wildcard patterns could match a common string — the question behind "can this
/// policy `Resource` ever match that ARN format?".
///
/// `Glob.matches` answers pattern-vs-text and `Glob.covers` pattern-contains-pattern; overlap is
/// the third question, and with `*` on both sides it needs a search over both strings at once.
public enum PatternOverlap {
    /// Which characters a wildcard position may take.
    enum CharClass: Equatable {
        /// Anything (policy wildcards, the last variable of an ARN format).
        case any
        /// No `:` — inner ARN-format variables such as `${LogGroupName}` (may hold `/`).
        case noColon
        /// Neither `:` nor `/` — `${Partition}`, `${Region}`, `${Account}`.
        case segment

        func allows(_ c: UInt8) -> Bool {
            switch self {
            case .any: return true
            case .noColon: return c != UInt8(ascii: ":")
            case .segment: return c != UInt8(ascii: ":") && c != UInt8(ascii: "/")
            }
        }
    }

    /// One position of a tokenised pattern.
    enum Token: Equatable {
        case literal(UInt8)
        /// `?`: exactly one character of the class.
        case one(CharClass)
        /// `*`: any run (including none) of characters of the class.
        case star(CharClass)

        var isStar: Bool { if case .star = self { return true } else { return false } }
    }

    /// Whether some string matches both glob patterns (`*` and `?` wildcards, case-sensitive).
    public static func overlaps(_ a: String, _ b: String) -> Bool {
        overlaps(globTokens(a, policyVariables: false), globTokens(b, policyVariables: false))
    }

    /// Whether a policy `Resource` pattern could match some ARN of the given format.
    ///
    /// In the pattern, `*`/`?` are wildcards, `${*}`, `${?}`, `${$}` are the literal characters and
    /// any other `${…}` is a policy variable (its value is unknown, so it may be anything). In the
    /// format, each `${Name}` stands for non-empty text: `${Partition}`, `${Region}` and `${Account}`
    /// hold neither `:` nor `/`; the last variable (the resource name: an S3 key, a secret name…)
    /// may hold anything; other variables may hold `/` but not `:` (so that a bucket ARN's empty
    /// region cannot be absorbed by `${Partition}` and make `arn:aws:s3:::b` look like an access point).
    public static func resourceCouldMatch(policyPattern: String, arnFormat: String) -> Bool {
        overlaps(globTokens(policyPattern, policyVariables: true), formatTokens(arnFormat))
    }

    /// Reachability over (position in a, position in b). Every move advances at least one side,
    /// so visiting states in row-major order sees each state after all its predecessors.
    ///
    /// Row by row over two stack rows, within the span of reachable columns, stopping at the first
    /// row nothing reaches: `resource-mismatch` asks this for every resource and ARN format of a
    /// statement's actions, and most pairs part after a few characters. Same answers as the full
    /// table.
    static func overlaps(_ a: [Token], _ b: [Token]) -> Bool {
        let n = a.count, m = b.count
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * (m + 1)) { buf in
            var cur = UnsafeMutableBufferPointer(rebasing: buf[0...m])
            var next = UnsafeMutableBufferPointer(rebasing: buf[(m + 1)...])
            cur.initialize(repeating: false)
            next.initialize(repeating: false)
            cur[0] = true
            // Reachable columns of the current row lie in lo...hi.
            var lo = 0, hi = 0
            for i in 0...n {
                var nextLo = m + 1, nextHi = -1
                var j = lo
                while j <= hi {
                    defer { j += 1 }
                    guard cur[j] else { continue }
                    cur[j] = false
                    if i == n {
                        if j == m { return true }
                    } else if a[i].isStar {
                        // A star may match nothing.
                        next[j] = true; nextLo = min(nextLo, j); nextHi = max(nextHi, j)
                    }
                    if j < m && b[j].isStar { cur[j + 1] = true; hi = max(hi, j + 1) }
                    // Or both sides consume one shared character; a star stays put after consuming.
                    guard i < n && j < m, compatible(a[i], b[j]) else { continue }
                    let ni = a[i].isStar ? i : i + 1, nj = b[j].isStar ? j : j + 1
                    if ni != i {
                        next[nj] = true; nextLo = min(nextLo, nj); nextHi = max(nextHi, nj)
                    } else if nj != j {
                        cur[nj] = true; hi = max(hi, nj)
                    }
                }
                if nextHi < 0 { return false }
                swap(&cur, &next)
                lo = nextLo; hi = nextHi
            }
            return false
        }
    }

    /// Whether one character can satisfy both positions (any two classes share letters).
    private static func compatible(_ x: Token, _ y: Token) -> Bool {
        switch (x, y) {
        case let (.literal(p), .literal(q)): return p == q
        case let (.literal(p), .one(k)), let (.literal(p), .star(k)), let (.one(k), .literal(p)), let (.star(k), .literal(p)):
            return k.allows(p)
        default: return true
        }
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
                    out.append(.star(.any)) // unknown variable value
                }
                i = close + 1
                continue
            }
            switch c {
            case UInt8(ascii: "*"): if out.last != .star(.any) { out.append(.star(.any)) }
            case UInt8(ascii: "?"): out.append(.one(.any))
            default: out.append(.literal(c))
            }
            i += 1
        }
        return out
    }

    /// Format variables whose values never hold `:` or `/` (S3 bucket names cannot contain `/`).
    static let segmentVariables: Set<String> = ["Partition", "Region", "Account", "AccountId", "BucketName"]

    /// Tokens of an ARN format: `${Name}` → one-or-more characters of its class; a bare `*` is a wildcard.
    static func formatTokens(_ s: String) -> [Token] {
        let bytes = Array(s.utf8)
        var out: [Token] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "{"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
                let cls: CharClass
                if Self.segmentVariables.contains(name) {
                    cls = .segment
                } else {
                    cls = close + 1 == bytes.count ? .any : .noColon
                }
                out.append(.one(cls))
                out.append(.star(cls))
                i = close + 1
                continue
            }
            out.append(bytes[i] == UInt8(ascii: "*") ? .star(.any) : .literal(bytes[i]))
            i += 1
        }
        return out
    }
}
