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
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var at = 0
            for r in ranges {
                for i in r { buffer[at] = Glob.lower(text[i]); at += 1 }
                ends.append(Int32(at))
            }
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
                        var h = Self.hash(key) & mask
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

    /// FNV-1a over bytes that are already lower-cased.
    @inline(__always) private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
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
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in raw { h = (h ^ UInt64(Glob.lower(x))) &* 0x100_0000_01b3 }
        return probe(Int(truncatingIfNeeded: h ^ (h >> 29))) { all, r in
            guard r.count == raw.count else { return false }
            var k = 0
            while k < raw.count {
                if all[r.lowerBound + k] != Glob.lower(raw[k]) { return false }
                k += 1
            }
            return true
        }
    }

    /// The index of the already lower-cased `key`.
    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(Self.hash(key)) { all, r in Self.equal(all, r, key) }
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
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                for i in 0..<ends.count {
                    let end = Int(ends[i])
                    if Glob.matchBytes(p, UnsafeBufferPointer(rebasing: all[start..<end]), caseInsensitive: false) { out.append(i) }
                    start = end
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
