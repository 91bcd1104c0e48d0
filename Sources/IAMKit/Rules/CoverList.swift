/// The items of one statement's Action or Resource list, prepared once for the many
/// `Glob.covers` questions `redundant-statement` asks about them.
///
/// The rule compares every pair of statements (managed policies reach 160 statements, 26,000
/// pairs), and almost every pair fails on its first item. Converting, lower-casing and scanning
/// the items per pair was the rule's whole cost; here each list is converted once into one byte
/// buffer, a literal inner item is looked up among the outer literals by hash, and an outer
/// pattern is tried only when its literal prefix fits. The answers are `Glob.covers`' own.
struct CoverList {
    /// Where one item sits in `bytes`, with what the checks need to know about it.
    private struct Span {
        let start: Int
        let count: Int
        /// Bytes before the first `*` or `?` (`count` when there is none).
        let prefix: Int
        let ascii: Bool
        /// `CoverList.hash` of the bytes, for a literal (0 for a pattern).
        var hash: UInt64 = 0
        var wild: Bool { prefix < count }
    }

    /// Every item's UTF-8 bytes, one after the other (lower-cased for actions).
    private let bytes: [UInt8]
    private let spans: [Span]
    /// Some item is exactly `*`: it covers everything.
    private let star: Bool
    /// Whether every item is ASCII; otherwise `Glob.covers` decides on the strings (scalars).
    private let ascii: Bool
    /// The items as compared (lower-cased for actions), kept only for a list that is not ASCII.
    private let texts: [String]
    /// A literal item (no wildcard): its hash and its index in `spans`.
    private struct Literal {
        let hash: UInt64
        let index: Int
    }

    /// The literal items, sorted by hash.
    private let literals: [Literal]
    /// Indices of the items with a wildcard: only they cover an item other than themselves.
    private let patterns: [Int]

    /// Prepares `values`; with `lowercase`, compared as `String.lowercased()` would make them.
    init(_ values: [Located<String>], lowercase: Bool) {
        var bytes: [UInt8] = [], spans: [Span] = [], texts: [String] = []
        var total = 0
        // Items read in place (`values[i].value`): `for v in values` copied each, a retain and a
        // release of its strings per item.
        for i in values.indices { total += values[i].value.utf8.count }
        bytes.reserveCapacity(total)
        spans.reserveCapacity(values.count)
        var star = false, allASCII = true
        var literals: [Literal] = [], patterns: [Int] = []
        for i in values.indices {
            let v = values[i].value
            // `*` told by its one byte: comparing strings per item cost more than the check.
            if v.utf8.count == 1 && v.utf8.first == UInt8(ascii: "*") { star = true }
            let start = bytes.count
            // Copied from the contiguous bytes and scanned in place: the generic `UTF8View` append
            // and per-byte checked stores were most of building a list.
            v.withUTF8Bytes { bytes.append(contentsOf: $0) }
            var ascii = true, prefix = -1
            bytes.withUnsafeMutableBufferPointer { buf in
                for k in start..<buf.count {
                    let b = buf[k]
                    if b >= 0x80 { ascii = false }
                    if lowercase && b &- 65 < 26 { buf[k] = b | 0x20 }
                    if prefix < 0 && (b == UInt8(ascii: "*") || b == UInt8(ascii: "?")) { prefix = k }
                }
            }
            if !ascii {
                if allASCII { texts = spans.map { Self.text(bytes, $0) } }
                allASCII = false
                let text = lowercase ? v.lowercased() : v
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: text.utf8)
                texts.append(text)
                prefix = bytes[start...].firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ?? -1
            } else if !allASCII {
                texts.append(String(decoding: bytes[start...], as: UTF8.self))
            }
            let count = bytes.count - start
            var span = Span(start: start, count: count, prefix: prefix < 0 ? count : prefix - start, ascii: ascii)
            if span.wild {
                patterns.append(spans.count)
            } else {
                span.hash = Self.hash(bytes, span)
                literals.append(Literal(hash: span.hash, index: spans.count))
            }
            spans.append(span)
        }
        if literals.count > 1 { literals.sort { $0.hash < $1.hash } }
        self.bytes = bytes; self.spans = spans; self.star = star; self.ascii = allASCII; self.texts = texts
        self.literals = literals; self.patterns = patterns
    }

    /// `hash` of an action's lower-cased bytes when it is an ASCII literal (no wildcard), else nil:
    /// the key `RedundantStatementRule` picks candidates by, without building the list.
    static func literalKey(_ action: String) -> UInt64? {
        // Over the contiguous bytes: the generic `UTF8View` walk cost a few times more.
        return action.withUTF8Bytes { bytes -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                if b >= 0x80 || b == UInt8(ascii: "*") || b == UInt8(ascii: "?") { return nil }
                h = (h ^ UInt64(b &- 65 < 26 ? b | 0x20 : b)) &* 0x100_0000_01b3
            }
            return h
        }
    }

    /// Whether every item of `inner` is covered by some item of this list (`Glob.covers`).
    func coversAll(_ inner: CoverList) -> Bool {
        if star { return true }
        return bytes.withUnsafeBufferPointer { ob in
            inner.bytes.withUnsafeBufferPointer { ib in
                for k in inner.spans.indices where !covers(inner, k, ob, ib) { return false }
                return true
            }
        }
    }

    /// Whether some item of this list covers item `k` of `inner`.
    private func covers(_ inner: CoverList, _ k: Int, _ ob: UnsafeBufferPointer<UInt8>, _ ib: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = inner.spans[k]
        guard ascii && i.ascii else {
            let text = inner.ascii ? Self.text(inner.bytes, i) : inner.texts[k]
            return spans.indices.contains { Glob.covers(ascii ? Self.text(bytes, spans[$0]) : texts[$0], text) }
        }
        let innerBytes = UnsafeBufferPointer(rebasing: ib[i.start..<(i.start + i.count)])
        // A literal covers only itself (byte for byte), and only a pattern covers a pattern.
        if !i.wild && hasLiteral(i.hash, innerBytes, ob) { return true }
        for p in patterns {
            let o = spans[p]
            // The outer pattern's literal prefix must be the inner item's, character for character.
            guard o.prefix <= i.prefix, Self.equal(ob, o.start, ib, i.start, o.prefix) else { continue }
            let outerBytes = UnsafeBufferPointer(rebasing: ob[o.start..<(o.start + o.count)])
            if i.wild ? Glob.coversBytes(outerBytes, innerBytes, caseInsensitive: false)
                : Glob.matchBytes(outerBytes, innerBytes, caseInsensitive: false) { return true }
        }
        return false
    }

    /// Whether a literal item of this list has exactly the bytes of `text`, whose hash is `h`.
    private func hasLiteral(_ h: UInt64, _ text: UnsafeBufferPointer<UInt8>, _ ob: UnsafeBufferPointer<UInt8>) -> Bool {
        var lo = 0, hi = literals.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if literals[mid].hash < h { lo = mid + 1 } else { hi = mid }
        }
        while lo < literals.count && literals[lo].hash == h {
            let o = spans[literals[lo].index]
            if o.count == text.count && Self.equal(ob, o.start, text, 0, o.count) { return true }
            lo += 1
        }
        return false
    }

    @inline(__always) private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int,
                                                _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ n: Int) -> Bool {
        var k = 0
        while k < n { if a[aStart + k] != b[bStart + k] { return false }; k += 1 }
        return true
    }

    /// FNV-1a over an item's bytes (as `literalKey`): cheap, and the few collisions are settled by
    /// comparing bytes.
    private static func hash<C: Collection>(_ b: C, _ s: Span) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in s.start..<(s.start + s.count) { h = (h ^ UInt64(b[k])) &* 0x100_0000_01b3 }
        return h
    }

    private static func text(_ bytes: [UInt8], _ s: Span) -> String {
        String(decoding: bytes[s.start..<(s.start + s.count)], as: UTF8.self)
    }
}
