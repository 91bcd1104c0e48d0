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

    private static func key(_ text: String, wildcardsAllowed: Bool) -> UInt64 {
        return text.withUTF8Bytes { b -> UInt64 in
            // FNV-1a over the lower-cased service bytes.
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
            // The rest may be anything: where either side is not ASCII, Glob lower-cases Unicode
            // scalars, which leaves an ASCII service part and its colon as they are.
            return h == none ? 1 : h
        }
    }
}
