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
            var nearest = Nearest(actionPart)
            for a in svc.actions { nearest.consider(a.name) }
            return nearest.best(5).map { svc.prefix + ":" + $0 }
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
        var nearest = Nearest(word)
        for c in candidates { nearest.consider(c) }
        return nearest.best(limit)
    }

    /// Levenshtein distance with an early exit once every cell of a row exceeds `cap`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = [Int](repeating: 0, count: b.count + 1), cur = prev
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                prev.withUnsafeMutableBufferPointer { prev in
                    cur.withUnsafeMutableBufferPointer { cur in editDistance(a, b, cap: cap, rows: (prev, cur)) }
                }
            }
        }
    }

    /// `editDistance` over bytes in place, with two caller-owned rows of at least `b.count + 1`
    /// cells: a typo is compared with every action of its service, and two row arrays per
    /// candidate were most of the cost.
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, cap: Int,
                             rows: (UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>)) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var (prev, cur) = rows
        for j in 0...b.count { prev[j] = j }
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

    /// The scoring of `closest`: candidates are lower-cased into one scratch buffer (ASCII ones
    /// byte by byte, others with `lowercased()`), skipped by length before any distance is computed.
    struct Nearest {
        private let word: [UInt8]
        private let budget: Int
        /// How many bytes of the word fall in each of 32 buckets (`bucket`): see `bagBound`.
        private let wordBag: [Int]
        private var bag: [Int] = []
        private var scored: [(Int, String)] = []
        private var scratch: [UInt8] = []
        private var rows: ([Int], [Int]) = ([], [])

        init(_ word: String) {
            self.word = Array(word.lowercased().utf8)
            // One edit per four characters, at least 2: catches typos without suggesting noise.
            budget = max(2, self.word.count / 4)
            var bag = [Int](repeating: 0, count: 32)
            for b in self.word { bag[Self.bucket(b)] += 1 }
            wordBag = bag
        }

        /// The bucket of a byte for `bagBound`: the low five bits (letters fall one per bucket).
        @inline(__always) private static func bucket(_ b: UInt8) -> Int { Int(b & 31) }

        /// A lower bound of the edit distance between the word and the bytes in `scratch`: each
        /// edit changes at most one byte in and one byte out of the bytes' multiset, so the larger of
        /// the surplus and the shortfall, counted per bucket (merging bytes only lowers them), is
        /// never above the distance. A typo is compared with every action of its service (EC2:
        /// ~700), and most are ruled out here for the price of one pass, without the O(n·m) table.
        private mutating func bagBound() -> Int {
            // Counted in a reused buffer: a fresh copy of the word's bag per candidate was an allocation.
            if bag.count != 32 { bag = wordBag }
            return bag.withUnsafeMutableBufferPointer { bag in
                // The surplus and shortfall updated byte by byte from the word's own (its length and
                // 0), then the word's counts restored: two passes over the candidate, not a copy of
                // the 32 counts and a pass over them (that was ~7 M instructions of the corpus run).
                var surplus = word.count, shortfall = 0
                for b in scratch {
                    let k = Self.bucket(b)
                    if bag[k] > 0 { surplus -= 1 } else { shortfall += 1 }
                    bag[k] -= 1
                }
                for b in scratch { bag[Self.bucket(b)] += 1 }
                return max(surplus, shortfall)
            }
        }

        /// Scores `candidate` against the word.
        mutating func consider(_ candidate: String) {
            guard !word.isEmpty else { return }
            let ascii: Bool = candidate.withUTF8Bytes { b in
                guard Glob.isASCII(b) else { return false }
                if abs(b.count - word.count) <= budget {
                    scratch.removeAll(keepingCapacity: true)
                    for x in b { scratch.append(Glob.lower(x)) }
                    score(candidate)
                }
                return true
            }
            if !ascii {
                scratch = Array(candidate.lowercased().utf8)
                if abs(scratch.count - word.count) <= budget { score(candidate) }
            }
        }

        /// Scores the lower-cased candidate in `scratch`.
        private mutating func score(_ candidate: String) {
            guard bagBound() <= budget else { return }
            if rows.0.count < scratch.count + 1 {
                rows = ([Int](repeating: 0, count: scratch.count + 16), [Int](repeating: 0, count: scratch.count + 16))
            }
            let d = word.withUnsafeBufferPointer { w in
                scratch.withUnsafeBufferPointer { c in
                    rows.0.withUnsafeMutableBufferPointer { r0 in
                        rows.1.withUnsafeMutableBufferPointer { r1 in ActionCatalog.editDistance(w, c, cap: budget, rows: (r0, r1)) }
                    }
                }
            }
            if d <= budget { scored.append((d, candidate)) }
        }

        /// At most `limit` candidates, nearest first, ties in name order.
        func best(_ limit: Int) -> [String] {
            scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
        }
    }
}
