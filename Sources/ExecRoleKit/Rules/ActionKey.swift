import IAMKit

/// The service part of an action or Action item, hashed, for ruling out items that cannot match an
/// action before running a glob.
///
/// An ASCII item whose text up to its first `:` has no wildcard (`ecr:Get*`) matches only actions
/// that start with exactly that text, case aside: `Glob` consumes a pattern's literal prefix byte by
/// byte. So the item's lower-cased service (`ecr`) must equal the action's (the action's text up
/// to its own first `:`), and so must their hashes. Items with a wildcard before their colon (`*`,
/// `e?r:Get*`, `ecr*`), an empty service part (`:x`) and a non-ASCII service part (where `Glob`
/// lower-cases Unicode scalars: the Kelvin sign becomes `k`) get `none`: they are always globbed.
///
/// A hash, not the service text: building a `String` per item was most of indexing a role. Equal
/// services always hash equal, so no item that can match is ever ruled out; the rare unequal
/// services that collide only cost a glob, which still decides.
enum ActionKey {
    /// "No key": the item may match any action (or the action is compared with every item).
    static let none: UInt64 = 0

    /// The key of an Action item: the hash of its lower-cased text up to the first `:` (all of it
    /// when there is none), or `none` when that part is empty, holds a wildcard or is not ASCII.
    static func item(_ item: String) -> UInt64 { key(item, wildcardsAllowed: false) }

    /// The key of an action asked about, or `none` when its service part is not ASCII (then every
    /// item is globbed). Wildcards in the action are plain characters to `Glob`.
    static func query(_ action: String) -> UInt64 { key(action, wildcardsAllowed: true) }

    /// Whether an item with key `item` may match an action with key `query`.
    @inline(__always) static func mayMatch(_ item: UInt64, _ query: UInt64) -> Bool {
        item == none || query == none || item == query
    }

    /// `item(_:)` of each item, in order: the table is looked up once for all of them (the
    /// lazy global's check between items made every item's string be retained around it).
    static func items(_ items: [Located<String>]) -> [UInt64] {
        let t = itemBytes
        return items.map { key($0.value, wildcardsAllowed: false, table: t) }
    }

    private static func key(_ text: String, wildcardsAllowed: Bool) -> UInt64 {
        key(text, wildcardsAllowed: wildcardsAllowed, table: wildcardsAllowed ? queryBytes : itemBytes)
    }

    @inline(__always)
    private static func key(_ text: String, wildcardsAllowed: Bool, table t: UnsafePointer<UInt8>) -> UInt64 {
        // One table lookup per byte (lower-cased byte, or `stop` / `noKey`) instead of four
        // compares and a conditional lower-casing: the loop ran for every item of every statement
        // (RoleStatement.init was 12.6M instructions on the corpus). Same hashes as `referenceKey`.
        return text.withUTF8Bytes { b -> UInt64 in
            // FNV-1a over the lower-cased service bytes.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = 0
            while i < b.count {
                let v = t[Int(b[i])]
                if v >= stop {
                    if v == noKey { return none }
                    break
                }
                h = (h ^ UInt64(v)) &* 0x100_0000_01b3
                i += 1
            }
            if i == 0 && !wildcardsAllowed { return none }
            // The rest may be anything: where either side is not ASCII, Glob lower-cases Unicode
            // scalars, which leaves an ASCII service part and its colon as they are.
            return h == none ? 1 : h
        }
    }

    /// Table values: the colon ends the service part; `noKey` makes the key `none`.
    private static let stop: UInt8 = 0x80
    private static let noKey: UInt8 = 0x81

    /// Byte -> lower-cased byte, `stop` for `:`, `noKey` for non-ASCII bytes and (for items) wildcards.
    /// Raw memory, written once and never freed: as `[UInt8]` each call retained and released
    /// the array (+5M instructions on the corpus, more than the lookups saved).
    nonisolated(unsafe) private static let itemBytes: UnsafePointer<UInt8> = table(wildcardsAllowed: false)
    nonisolated(unsafe) private static let queryBytes: UnsafePointer<UInt8> = table(wildcardsAllowed: true)

    private static func table(wildcardsAllowed: Bool) -> UnsafePointer<UInt8> {
        let values = (0..<256).map { (i: Int) -> UInt8 in
            let c = UInt8(i)
            if c == UInt8(ascii: ":") { return stop }
            if c >= 0x80 { return noKey }
            if !wildcardsAllowed && (c == UInt8(ascii: "*") || c == UInt8(ascii: "?")) { return noKey }
            return c &- 65 < 26 ? c | 0x20 : c
        }
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        memory.initialize(from: values, count: 256)
        return UnsafePointer(memory)
    }

    /// The byte loop the tables replace, kept as their reference (tests).
    static func referenceKey(_ text: String, wildcardsAllowed: Bool) -> UInt64 {
        return text.withUTF8Bytes { b -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var i = 0
            while i < b.count && b[i] != UInt8(ascii: ":") {
                let c = b[i]
                if c >= 0x80 { return none }
                if !wildcardsAllowed && (c == UInt8(ascii: "*") || c == UInt8(ascii: "?")) { return none }
                h = (h ^ UInt64(c &- 65 < 26 ? c | 0x20 : c)) &* 0x100_0000_01b3
                i += 1
            }
            if i == 0 && !wildcardsAllowed { return none }
            return h == none ? 1 : h
        }
    }
}
