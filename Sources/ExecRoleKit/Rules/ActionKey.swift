/// The service part of an action or Action item, for ruling out items that cannot match an action
/// before running a glob.
///
/// An ASCII item whose text up to its first `:` has no wildcard (`ecr:Get*`) matches only actions
/// that start with exactly that text, case aside: `Glob` consumes a pattern's literal prefix byte by
/// byte. So the item's lower-cased service (`ecr`) must equal the action's (the action's text up
/// to its own first `:`). Items with a wildcard before their colon (`*`, `e?r:Get*`, `ecr*`) and
/// non-ASCII text (where `Glob` lower-cases Unicode scalars) have no key: they are always globbed.
enum ActionKey {
    /// The key of an Action item: its lower-cased text up to the first `:` (all of it when there is
    /// none), or nil when that part holds a wildcard or the item is not ASCII.
    static func item(_ item: String) -> String? { key(item, wildcardsAllowed: false) }

    /// The key of an action asked about: its lower-cased text up to the first `:`, or nil when it is
    /// not ASCII (then every item is globbed). Wildcards in the action are plain characters to `Glob`.
    static func query(_ action: String) -> String? { key(action, wildcardsAllowed: true) }

    /// Whether an item with key `item` may match an action with key `query`.
    @inline(__always) static func mayMatch(_ item: String?, _ query: String?) -> Bool {
        guard let item, let query else { return true }
        return item == query
    }

    private static func key(_ text: String, wildcardsAllowed: Bool) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            var acc: UInt8 = 0
            for x in b { acc |= x }
            guard acc < 0x80 else { return nil }
            var end = 0
            while end < b.count && b[end] != UInt8(ascii: ":") {
                if !wildcardsAllowed && (b[end] == UInt8(ascii: "*") || b[end] == UInt8(ascii: "?")) { return nil }
                end += 1
            }
            // Built in place: a service name of up to 15 bytes is a small string, no allocation.
            return String(unsafeUninitializedCapacity: end) { out in
                for i in 0..<end { let c = b[i]; out[i] = c &- 65 < 26 ? c | 0x20 : c }
                return end
            }
        }
    }
}
