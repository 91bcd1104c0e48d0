/// An immutable, searchable list of strings laid out for fast fuzzy matching: all items' UTF-8
/// bytes live in one contiguous array so a scan touches memory in order.
public final class FuzzyIndex: Sendable {
    public let items: [String]
    private let bytes: [UInt8]
    private let offsets: [Int32]

    public init(_ items: [String]) {
        self.items = items
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.reduce(0) { $0 + $1.utf8.count })
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(items.count + 1)
        for s in items {
            bytes.append(contentsOf: s.utf8)
            offsets.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    public var count: Int { items.count }

    /// Indices of matching items among `candidates` (all items when nil), each with its score;
    /// candidate order is preserved.
    public func match(_ query: FuzzyMatcher.Query, among candidates: [Int32]?) -> (indices: [Int32], scores: [Int32]) {
        var outIdx: [Int32] = []
        var outScore: [Int32] = []
        outIdx.reserveCapacity(candidates?.count ?? items.count)
        outScore.reserveCapacity(candidates?.count ?? items.count)
        query.bytes.withUnsafeBufferPointer { q in
            bytes.withUnsafeBufferPointer { b in
                offsets.withUnsafeBufferPointer { o in
                    let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    @inline(__always) func visit(_ idx: Int32) {
                        let s = Int(o[Int(idx)]), e = Int(o[Int(idx) + 1])
                        let sc = FuzzyMatcher.score(q, base + s, e - s, query.caseSensitive, nil)
                        if sc != Int.min {
                            outIdx.append(idx)
                            outScore.append(Int32(clamping: sc))
                        }
                    }
                    if let candidates {
                        for idx in candidates { visit(idx) }
                    } else {
                        for idx in 0..<Int32(items.count) { visit(idx) }
                    }
                }
            }
        }
        return (outIdx, outScore)
    }

    /// `indices` ordered by descending score, ties in original order. A counting sort: scores are
    /// small integers, and an O(n log n) sort of 60,000 items would blow the keystroke budget.
    public static func rank(_ indices: [Int32], scores: [Int32]) -> [Int32] {
        guard indices.count > 1 else { return indices }
        var lo = Int32.max, hi = Int32.min
        for s in scores { lo = min(lo, s); hi = max(hi, s) }
        if lo == hi { return indices }
        let range = Int(hi - lo) + 1
        if range > 1 << 16 {
            return zip(indices, scores).enumerated().sorted {
                $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset
            }.map(\.element.0)
        }
        var counts = [Int](repeating: 0, count: range + 1)
        for s in scores { counts[Int(hi - s) + 1] += 1 }
        for i in 1...range { counts[i] += counts[i - 1] }
        var out = [Int32](repeating: 0, count: indices.count)
        for (k, s) in scores.enumerated() {
            let bucket = Int(hi - s)
            out[counts[bucket]] = indices[k]
            counts[bucket] += 1
        }
        return out
    }
}

/// Incremental fuzzy filtering over a `FuzzyIndex`: typing narrows the previous result instead of
/// rescanning everything, and deleting returns to a cached earlier result.
public struct FuzzyFilter: Sendable {
    public let index: FuzzyIndex
    public private(set) var query: String = ""
    /// Matching item indices, best first (all items in order for an empty query).
    public private(set) var matches: [Int32]
    /// Prepared query, for highlighting.
    public private(set) var prepared = FuzzyMatcher.Query("")
    /// Unranked match sets for each prefix typed so far, so backspace costs nothing.
    private var stack: [(query: String, unranked: [Int32], ranked: [Int32])] = []

    public init(index: FuzzyIndex) {
        self.index = index
        self.matches = Array(0..<Int32(index.count))
    }

    public var matchCount: Int { matches.count }

    /// The item shown at row `row` of the filtered list.
    public func item(atRow row: Int) -> String { index.items[Int(matches[row])] }

    /// Changes the query and recomputes the matches.
    public mutating func setQuery(_ newQuery: String) {
        guard newQuery != query else { return }
        query = newQuery
        prepared = FuzzyMatcher.Query(newQuery)
        if newQuery.isEmpty {
            stack.removeAll()
            matches = Array(0..<Int32(index.count))
            return
        }
        while let top = stack.last, !newQuery.hasPrefix(top.query) { stack.removeLast() }
        if let top = stack.last, top.query == newQuery {
            matches = top.ranked
            return
        }
        // Narrowing is only sound when the case rule did not change between the queries.
        let base = stack.last.flatMap { FuzzyMatcher.Query($0.query).caseSensitive == prepared.caseSensitive ? $0.unranked : nil }
        let r = index.match(prepared, among: base)
        matches = FuzzyIndex.rank(r.indices, scores: r.scores)
        stack.append((newQuery, r.indices, matches))
    }
}
