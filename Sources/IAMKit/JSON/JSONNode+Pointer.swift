/// Resolving JSON Pointers on the pointer's bytes.
///
/// Every finding's line and column comes from `JSONDocument.position(of:)`: splitting the pointer
/// into an array of substrings, comparing keys as `String`s and copying a node per step, then
/// starting over from the root for each missing ancestor, was 1.6 % of `lint` on the managed-policy
/// corpus. Here the pointer is walked once, token by token, in place.
///
/// Only for pointers whose bytes are printable ASCII without `~` (all that the tools make for
/// policies): there a byte is a `Character`, so splitting, prefixes and counts on bytes are exactly
/// the `String` operations `node(at:)` is defined by. Anything else goes the general way.
extension JSONNode {
    /// `node(at:)` when the fast walk applies (nil otherwise), with `body` given the node found, or
    /// the deepest node on the way when `deepest` is set and the path stops early.
    func resolveFast<R>(_ pointer: UnsafeBufferPointer<UInt8>, deepest: Bool, _ body: (JSONNode) -> R) -> R?? {
        guard Self.isPlain(pointer) else { return nil }
        var start = 0
        // `node(at:)` first drops this node's own pointer when the pointer starts with it.
        let own = location
        if !(own.token == nil && own.base.isEmpty) {
            var ownText = own.string
            let prefix: Int?? = ownText.withUTF8 { o in
                guard Self.isPlain(o) else { return .some(nil) }
                guard !o.isEmpty, o.count <= pointer.count, memcmpEqual(o, pointer, count: o.count) else { return .some(0) }
                return .some(o.count)
            }
            guard let p = prefix, let p else { return nil }
            start = p
        }
        // The tokens follow the first '/' (what comes before it is dropped, as `split(…).dropFirst()`).
        while start < pointer.count && pointer[start] != UInt8(ascii: "/") { start += 1 }
        return .some(walk(pointer, from: start, deepest: deepest, body))
    }

    /// Follows the tokens of `p` from the '/' at `start` (or its end).
    private func walk<R>(_ p: UnsafeBufferPointer<UInt8>, from start: Int, deepest: Bool, _ body: (JSONNode) -> R) -> R? {
        guard start < p.count else { return body(self) }
        var end = start + 1
        while end < p.count && p[end] != UInt8(ascii: "/") { end += 1 }
        let token = UnsafeBufferPointer(rebasing: p[(start + 1)..<end])
        switch kind {
        case .object(let members):
            // By index: `for m in members` copied every member it passed (key, value, pointers).
            for i in members.indices where Self.key(members[i].key, equals: token) {
                return members[i].value.walk(p, from: end, deepest: deepest, body)
            }
        case .array(let items):
            if let i = Self.index(token), i >= 0, i < items.count {
                return items[i].walk(p, from: end, deepest: deepest, body)
            }
        default:
            break
        }
        return deepest ? body(self) : nil
    }

    /// Printable ASCII (0x20–0x7E) with no `~`: each byte is one `Character`, no token needs unescaping.
    static func isPlain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in p where b < 0x20 || b > 0x7E || b == UInt8(ascii: "~") { return false }
        return true
    }

    /// `key == String(token)` for a plain ASCII token: equal bytes are equal strings, and an ASCII key
    /// that differs in a byte differs; a non-ASCII key may still be canonically equal (U+212A KELVIN
    /// SIGN is "K"), so that case asks `String`.
    static func key(_ key: String, equals token: UnsafeBufferPointer<UInt8>) -> Bool {
        let answer: Bool? = key.withUTF8Bytes { kb in
            if kb.count == token.count && memcmpEqual(kb, token, count: kb.count) { return true }
            for b in kb where b >= 0x80 { return nil }
            return false
        }
        return answer ?? (key == String(decoding: token, as: UTF8.self))
    }

    /// `Int(token)` for an ASCII token: an optional sign, then decimal digits, nil on overflow.
    static func index(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if let first = token.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        guard i < token.count else { return nil }
        var value = 0
        while i < token.count {
            let d = token[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
            guard !o1 && !o2 else { return nil }
            value = s
            i += 1
        }
        return value
    }
}

/// Whether the first `count` bytes of `a` and `b` are equal.
private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
