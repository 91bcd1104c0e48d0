import Dispatch

/// An immutable, searchable list of strings laid out for fast fuzzy matching: all items' UTF-8
/// bytes live in one contiguous array so a scan touches memory in order.
public final class FuzzyIndex: Sendable {
    public let items: [String]
    private let bytes: [UInt8]
    /// `bytes` with ASCII letters lower-cased, searched by case-insensitive queries.
    private let folded: [UInt8]
    private let offsets: [Int32]

    public init(_ items: [String]) {
        self.items = items
        var offsets = [Int32](repeating: 0, count: items.count + 1)
        var total = 0
        for (i, s) in items.enumerated() {
            total += s.utf8.count
            offsets[i + 1] = Int32(truncatingIfNeeded: total)
        }
        // One pass copying raw and folded bytes side by side; native strings expose contiguous
        // UTF-8, so this is a memcpy-speed loop rather than 60,000 appends.
        var folded = [UInt8](repeating: 0, count: total)
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { raw, count in
            folded.withUnsafeMutableBufferPointer { f in
                var at = 0
                for var s in items {
                    s.withUTF8 { u in
                        for k in 0..<u.count {
                            raw[at + k] = u[k]
                            f[at + k] = FuzzyMatcher.fold(u[k])
                        }
                        at += u.count
                    }
                }
            }
            count = total
        }
        self.bytes = bytes
        self.folded = folded
        self.offsets = offsets
    }

    public var count: Int { items.count }

    /// Indices of matching items among `candidates` (all items when nil), each with its score;
    /// candidate order is preserved.
    public func match(_ query: FuzzyMatcher.Query, among candidates: [Int32]?) -> (indices: [Int32], scores: [Int32]) {
        let total = candidates?.count ?? items.count
        // Large scans are split in two halves run on two threads; each half writes its own region
        // of the output, and the halves are joined in order so results stay deterministic.
        let parts = total >= FuzzyIndex.parallelThreshold ? 2 : 1
        let chunk = (total + parts - 1) / max(1, parts)
        var idxOut = [Int32](repeating: 0, count: total)
        var scoreOut = [Int32](repeating: 0, count: total)
        var counts = [Int](repeating: 0, count: parts)
        query.bytes.withUnsafeBufferPointer { q in
            bytes.withUnsafeBufferPointer { b in
                (query.caseSensitive ? bytes : folded).withUnsafeBufferPointer { h in
                    offsets.withUnsafeBufferPointer { o in
                        idxOut.withUnsafeMutableBufferPointer { idxBuf in
                            scoreOut.withUnsafeMutableBufferPointer { scoreBuf in
                                counts.withUnsafeMutableBufferPointer { countBuf in
                                    let cand = candidates
                                    let work = ScanWork(q: q, raw: b, hay: h, offsets: o, candidates: cand,
                                                        idx: idxBuf, score: scoreBuf, counts: countBuf, chunk: chunk, total: total)
                                    if parts == 1 { work.scan(part: 0) } else {
                                        DispatchQueue.concurrentPerform(iterations: parts) { work.scan(part: $0) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Join: move the second half's matches right after the first half's.
        var found = counts[0]
        for p in 1..<parts {
            let from = p * chunk
            for k in 0..<counts[p] {
                idxOut[found + k] = idxOut[from + k]
                scoreOut[found + k] = scoreOut[from + k]
            }
            found += counts[p]
        }
        idxOut.removeSubrange(found...)
        scoreOut.removeSubrange(found...)
        return (idxOut, scoreOut)
    }

    /// Candidate counts from which a scan is split over two threads.
    static let parallelThreshold = 16_384

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

/// One scan over a range of candidates; plain pointers so two threads can share it safely
/// (each writes only its own part of the output).
private struct ScanWork: @unchecked Sendable {
    let q: UnsafeBufferPointer<UInt8>
    let raw: UnsafeBufferPointer<UInt8>
    let hay: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int32>
    let candidates: [Int32]?
    let idx: UnsafeMutableBufferPointer<Int32>
    let score: UnsafeMutableBufferPointer<Int32>
    let counts: UnsafeMutableBufferPointer<Int>
    let chunk: Int
    let total: Int

    func scan(part: Int) {
        guard let base = raw.baseAddress, let h = hay.baseAddress else { return }
        let lo = part * chunk, hi = min(total, lo + chunk)
        var found = lo
        if let candidates {
            candidates.withUnsafeBufferPointer { c in
                for k in lo..<hi {
                    let item = c[k]
                    let s = Int(offsets[Int(item)]), e = Int(offsets[Int(item) + 1])
                    let sc = FuzzyMatcher.score(q, h + s, base + s, e - s, nil)
                    if sc != Int.min {
                        idx[found] = item
                        score[found] = Int32(truncatingIfNeeded: sc)
                        found += 1
                    }
                }
            }
        } else {
            for k in lo..<hi {
                let s = Int(offsets[k]), e = Int(offsets[k + 1])
                let sc = FuzzyMatcher.score(q, h + s, base + s, e - s, nil)
                if sc != Int.min {
                    idx[found] = Int32(truncatingIfNeeded: k)
                    score[found] = Int32(truncatingIfNeeded: sc)
                    found += 1
                }
            }
        }
        counts[part] = found - lo
    }
}
