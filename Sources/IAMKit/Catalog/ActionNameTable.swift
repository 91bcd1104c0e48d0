/// One service's action names, lower-cased into a single byte buffer, with an open-addressing hash
/// table for case-insensitive lookups.
///
/// `ActionCatalog.expand("*")` touches all 445 services; a `[String: Int]` index plus a lower-cased
/// `String` per action cost ~40,000 allocations and several megabytes for answers that only need
/// bytes. Lookups hash the caller's name while lower-casing it, so they allocate nothing.
final class ActionNameTable: Sendable {
    /// The lower-cased names, back to back.
    private let bytes: [UInt8]
    /// `ends[i]` is the end of name `i` in `bytes` (its start is `ends[i - 1]`, or 0).
    private let ends: [Int32]
    /// Name index + 1 per slot, 0 for empty; the capacity is a power of two at least twice the count.
    private let slots: [Int32]

    /// The number of names.
    var count: Int { ends.count }

    convenience init<C: Collection>(names: C) where C.Element == String {
        // Two passes over the names: sizes first, so the byte buffer is allocated once and written
        // through a pointer (appending byte by byte was most of building a service's table).
        var total = 0
        // Lower-cased copies of the names that are not ASCII (none in AWS's catalog), by index.
        var unicode: [String?] = []
        for (i, var name) in names.enumerated() {
            if name.withUTF8({ Glob.isASCII($0) }) {
                total += name.utf8.count
            } else {
                let lower = name.lowercased()
                if unicode.isEmpty { unicode = Array(repeating: nil, count: names.count) }
                unicode[i] = lower
                total += lower.utf8.count
            }
        }
        var ends = [Int32]()
        ends.reserveCapacity(names.count)
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var at = 0
            for (i, var name) in names.enumerated() {
                if !unicode.isEmpty, var lower = unicode[i] {
                    lower.withUTF8 { for b in $0 { buffer[at] = b; at += 1 } }
                } else {
                    name.withUTF8 { for b in $0 { buffer[at] = Glob.lower(b); at += 1 } }
                }
                ends.append(Int32(at))
            }
            count = at
        }
        self.init(lowered: bytes, ends: ends)
    }

    /// The names at `ranges` of `text`, which must be ASCII: the catalog parser hands over the
    /// name fields of a block as they lie in the data, lower-cased straight into the table.
    convenience init(ascii text: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) {
        var total = 0
        for r in ranges { total += r.count }
        var ends = [Int32]()
        ends.reserveCapacity(ranges.count)
        // Copied name by name, then lower-cased eight bytes at a time: a byte-at-a-time
        // `Glob.lower` copy was ~6 M instructions over the 445 blocks (410 KB of names).
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var at = 0
            for r in ranges {
                if !r.isEmpty, let to = buffer.baseAddress, let from = text.baseAddress {
                    (to + at).initialize(from: from + r.lowerBound, count: r.count)
                }
                at += r.count
                ends.append(Int32(at))
            }
            var i = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeMutableRawPointer(base)
                while i + 8 <= at {
                    raw.storeBytes(of: Self.lower8(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), toByteOffset: i, as: UInt64.self)
                    i += 8
                }
            }
            while i < at { buffer[i] = Glob.lower(buffer[i]); i += 1 }
            count = at
        }
        self.init(lowered: bytes, ends: ends)
    }

    /// Indexes names already lower-cased into `bytes`, name `i` ending at `ends[i]`.
    private init(lowered bytes: [UInt8], ends: [Int32]) {
        var capacity = 8
        while capacity < ends.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in
                slots.withUnsafeMutableBufferPointer { slots in
                    var start = 0
                    for (i, end) in ends.enumerated() {
                        let key = UnsafeBufferPointer(rebasing: all[start..<Int(end)])
                        var h = Self.hashLowering(key) & mask
                        // A later name equal to an earlier one (ignoring case) replaces it, as in the
                        // `[String: Int]` index this replaces.
                        while slots[h] != 0 && !Self.equal(all, Self.range(Int(slots[h]) - 1, ends), key) { h = (h + 1) & mask }
                        slots[h] = Int32(i + 1)
                        start = Int(end)
                    }
                }
            }
        }
        self.bytes = bytes
        self.ends = ends
        self.slots = slots
    }

    /// The hash of ASCII `b` lower-cased, eight bytes at a time: lint looks up ~61,000 names
    /// (~20 bytes each), and a byte-at-a-time FNV with a lower-casing per byte was most of the
    /// ~490 instructions per lookup.
    @inline(__always) static func hashLowering(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count {
                h = (h ^ lower8(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i += 8
            }
            if i < b.count {
                // The last eight bytes (overlapping the previous word) when there are eight, rather
                // than assembling the rest byte by byte.
                let last = b.count >= 8 ? raw.loadUnaligned(fromByteOffset: b.count - 8, as: UInt64.self) : tail(b, i)
                h = (h ^ lower8(last)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
            }
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// `Glob.lower` of each of the eight ASCII bytes in `x` (bytes with the top bit set are not
    /// allowed: they would carry into their neighbours).
    @inline(__always) static func lower8(_ x: UInt64) -> UInt64 {
        // Bit 7 of a byte of `x + 0x3F` is set for bytes >= "A", of `x + 0x25` for bytes >= "[".
        let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    /// Bytes `i..<min(i + 8, b.count)` of `b` as a little-endian word, zero-filled.
    @inline(__always) private static func tail(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        var t: UInt64 = 0, shift: UInt64 = 0, j = i
        while j < b.count && j < i + 8 {
            t |= UInt64(b[j]) << shift
            shift += 8
            j += 1
        }
        return t
    }

    /// Whether name bytes `all[r]` (lower-cased) are ASCII `raw` lower-cased, compared eight bytes at a time.
    @inline(__always) private static func equalLowering(_ all: UnsafeBufferPointer<UInt8>, _ r: Range<Int>,
                                                        _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard r.count == raw.count else { return false }
        guard let a = all.baseAddress, let k = raw.baseAddress else { return true }
        let x = UnsafeRawPointer(a + r.lowerBound), y = UnsafeRawPointer(k)
        var i = 0
        while i + 8 <= raw.count {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != lower8(y.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
            i += 8
        }
        if i < raw.count && raw.count >= 8 {
            // The last eight bytes, overlapping the words already compared.
            let j = raw.count - 8
            return x.loadUnaligned(fromByteOffset: j, as: UInt64.self) == lower8(y.loadUnaligned(fromByteOffset: j, as: UInt64.self))
        }
        while i < raw.count {
            if all[r.lowerBound + i] != Glob.lower(raw[i]) { return false }
            i += 1
        }
        return true
    }

    /// The range of name `i` in the name bytes, given their `ends`.
    @inline(__always) private static func range(_ i: Int, _ ends: UnsafeBufferPointer<Int32>) -> Range<Int> {
        (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }

    /// Whether the name at `r` of `all` is `key`.
    @inline(__always) private static func equal(_ all: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard r.count == key.count else { return false }
        var k = 0
        while k < key.count {
            if all[r.lowerBound + k] != key[k] { return false }
            k += 1
        }
        return true
    }

    /// The index of the action called `name`, ignoring case.
    func index(of name: String) -> Int? {
        if name.withUTF8Bytes({ Glob.isASCII($0) }) { return name.withUTF8Bytes { index(asciiBytes: $0) } }
        // Unicode lower-casing (which may even produce ASCII), then an exact lookup.
        var lower = name.lowercased()
        return lower.withUTF8 { lookup($0) }
    }

    /// The index of the name spelled by ASCII `bytes`, ignoring case.
    ///
    /// Lower-cases as it hashes and as it compares, so the caller's bytes are read in place: lint
    /// resolves ~52,000 action names on the managed-policy corpus.
    func index(asciiBytes raw: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(Self.hashLowering(raw)) { all, r in Self.equalLowering(all, r, raw) }
    }

    /// Whether name `i` is ASCII `raw`, ignoring case.
    @inline(__always)
    func name(_ i: Int, isASCII raw: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in Self.equalLowering(all, Self.range(i, ends), raw) }
        }
    }

    /// The index of the already lower-cased `key`.
    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(Self.hashLowering(key)) { all, r in Self.equal(all, r, key) }
    }

    /// Open-addressing probe from `hash` until `matches` accepts a name (given all name bytes and
    /// the name's range) or an empty slot ends the chain.
    @inline(__always)
    private func probe(_ hash: Int, _ matches: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) -> Int? {
        let mask = slots.count - 1
        var h = hash & mask
        return bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let s = Int(slots[h])
                        if s == 0 { return nil }
                        if matches(all, Self.range(s - 1, ends)) { return s - 1 }
                        h = (h + 1) & mask
                    }
                }
            }
        }
    }

    /// The indexes of the names a lower-cased glob matches, in order. `pattern` must be lower-cased;
    /// a pattern that is not ASCII falls back to `Glob.matches` on each name's string.
    func matching(lowerPattern pattern: String) -> [Int] {
        var out: [Int] = []
        let handled: Bool = pattern.withUTF8Bytes { p in
            guard Glob.isASCII(p) else { return false }
            // The pattern's literal head (before any `*` or `?`) must begin every match: names are
            // ruled out on it without running the matcher, and `head*` (most patterns: `describe*`,
            // `get*`) matches exactly the names that begin with it. Running the matcher on every
            // name was ~15,000 instructions per call (908 calls, mostly over EC2's ~700 names).
            var head = 0
            while head < p.count && p[head] != UInt8(ascii: "*") && p[head] != UInt8(ascii: "?") { head += 1 }
            let headStar = head == p.count - 1 && p[head] == UInt8(ascii: "*")
            bytes.withUnsafeBufferPointer { all in
                ends.withUnsafeBufferPointer { ends in
                    var start = 0
                    for i in 0..<ends.count {
                        let end = Int(ends[i])
                        defer { start = end }
                        if head > 0 {
                            guard end - start >= head else { continue }
                            var k = 0
                            while k < head && all[start + k] == p[k] { k += 1 }
                            if k < head { continue }
                            if headStar { out.append(i); continue }
                        }
                        if Glob.matchBytes(p, UnsafeBufferPointer(rebasing: all[start..<end]), caseInsensitive: false) { out.append(i) }
                    }
                }
            }
            return true
        }
        if !handled {
            for i in 0..<ends.count where Glob.matches(pattern, lowerName(i)) { out.append(i) }
        }
        return out
    }

    /// Name `i`, lower-cased.
    func lowerName(_ i: Int) -> String {
        ends.withUnsafeBufferPointer { String(decoding: bytes[Self.range(i, $0)], as: UTF8.self) }
    }
}
