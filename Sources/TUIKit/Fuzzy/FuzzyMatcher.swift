#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// fzf-style fuzzy matching over UTF-8 bytes: the query must appear as a subsequence; the score
/// rewards matches at word boundaries and consecutive runs and penalises gaps.
///
/// Works on bytes, not `Character`s, because it runs over 60,000 items per keystroke. Case folding
/// is ASCII-only; "smart case": a query with an upper-case letter matches case-sensitively.
public enum FuzzyMatcher {
    static let scoreMatch = 16
    static let gapStart = -3
    static let gapExtension = -1
    static let bonusBoundary = 8
    static let bonusCamel = 7
    static let bonusConsecutive = 4

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { (b &- 65) < 26 ? b | 0x20 : b }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b &- 48) < 10 || (b &- 65) < 26 || (b &- 97) < 26 || b >= 0x80
    }

    /// The prepared form of a query: folded bytes plus the case rule.
    public struct Query: Sendable, Hashable {
        public let bytes: [UInt8]
        public let caseSensitive: Bool
        public init(_ text: String) {
            let raw = Array(text.utf8)
            caseSensitive = raw.contains { ($0 &- 65) < 26 }
            bytes = caseSensitive ? raw : raw.map(FuzzyMatcher.fold)
        }
        public var isEmpty: Bool { bytes.isEmpty }
    }

    /// Score of `candidate` for `query`, or nil when it does not match.
    public static func score(_ query: Query, _ candidate: String) -> Int? {
        let raw = Array(candidate.utf8)
        let hay = query.caseSensitive ? raw : raw.map(fold)
        return query.bytes.withUnsafeBufferPointer { q in
            hay.withUnsafeBufferPointer { h in
                raw.withUnsafeBufferPointer { r in
                    let s = score(q, h.baseAddress!, r.baseAddress!, r.count, nil)
                    return s == Int.min ? nil : s
                }
            }
        }
    }

    /// Core matcher. `hay` is the candidate as searched (ASCII-folded unless the query is
    /// case-sensitive), `raw` the original bytes (for word-boundary bonuses); both `n` bytes long.
    /// Returns `Int.min` for no match; appends matched byte offsets to `positions` when given.
    @inline(__always)
    static func score(_ q: UnsafeBufferPointer<UInt8>, _ hay: UnsafePointer<UInt8>, _ raw: UnsafePointer<UInt8>, _ n: Int,
                      _ positions: UnsafeMutablePointer<[Int]>?) -> Int {
        let m = q.count
        if m == 0 { return 0 }
        if m > n { return Int.min }
        // Forward pass: leftmost end of a subsequence match. A plain loop beats memchr here:
        // items are ~25 bytes, so call overhead dominates any vectorisation.
        var i = 0
        var qk = 0
        var want = q[0]
        while i < n {
            if hay[i] == want {
                qk += 1
                if qk == m { break }
                want = q[qk]
            }
            i += 1
        }
        if qk < m { return Int.min }
        let end = i
        // Backward pass from that end: the shortest window, as fzf v1 does.
        var qi = m - 1
        var start = end
        i = end
        while i >= 0 {
            if hay[i] == q[qi] {
                if qi == 0 { start = i; break }
                qi -= 1
            }
            i -= 1
        }
        // Score the window.
        var score = 0
        var consecutive = 0
        var inGap = false
        qi = 0
        i = start
        while i <= end {
            if qi < m, hay[i] == q[qi] {
                var bonus = 0
                if i == 0 { bonus = bonusBoundary } else {
                    let prev = raw[i - 1]
                    if !isWordByte(prev) { bonus = bonusBoundary } else if (prev &- 97) < 26, (raw[i] &- 65) < 26 { bonus = bonusCamel }
                }
                var s = scoreMatch + bonus
                if qi == 0 { s += bonus }  // a match at a word start counts double for the first char
                if consecutive > 0 { s += bonusConsecutive }
                score += s
                consecutive += 1
                inGap = false
                positions?.pointee.append(i)
                qi += 1
            } else {
                score += inGap ? gapExtension : gapStart
                inGap = true
                consecutive = 0
            }
            i += 1
        }
        return score
    }

    /// Character offsets in `candidate` that the query matched (for highlighting), empty when
    /// the query is empty or does not match.
    public static func matchedCharacterOffsets(_ query: Query, in candidate: String) -> [Int] {
        guard !query.isEmpty else { return [] }
        let bytes = Array(candidate.utf8)
        let hay = query.caseSensitive ? bytes : bytes.map(fold)
        var byteOffsets: [Int] = []
        let s = query.bytes.withUnsafeBufferPointer { q in
            hay.withUnsafeBufferPointer { h in
                bytes.withUnsafeBufferPointer { c in
                    withUnsafeMutablePointer(to: &byteOffsets) { score(q, h.baseAddress!, c.baseAddress!, c.count, $0) }
                }
            }
        }
        guard s != Int.min else { return [] }
        if bytes.count == candidate.count { return byteOffsets }  // ASCII: bytes are characters
        var result: [Int] = []
        var charIndex = 0
        var byteIndex = 0
        var next = 0
        for ch in candidate {
            let len = ch.utf8.count
            while next < byteOffsets.count, byteOffsets[next] < byteIndex + len {
                if result.last != charIndex { result.append(charIndex) }
                next += 1
            }
            byteIndex += len
            charIndex += 1
        }
        return result
    }
}
