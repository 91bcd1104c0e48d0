import IAMKit

/// Where a JSON Pointer lands in a document: the position of its node, or of its nearest existing
/// ancestor, exactly as `JSONDocument.position(of:)` answers.
///
/// Every finding the engine reports is pinned with this. `JSONDocument.position(of:)` splits the
/// pointer into an array of tokens for every ancestor it tries, which was most of the engine's own
/// work after the rules on the managed-policy corpus; this walks the pointer's bytes once and stops
/// at the first token that does not resolve (that node is the nearest ancestor).
enum PointerPosition {
    static func position(of pointer: String, in document: JSONDocument) -> SourcePosition {
        let root = document.root
        var pointer = pointer
        let found: SourcePosition? = pointer.withUTF8 { p in
            // Escaped tokens (`~0`, `~1`), non-ASCII pointers (where a `/` followed by a combining
            // mark is one Character, so IAMKit's Character split would not cut there) and roots that
            // are not the document root are rare: IAMKit answers those.
            var acc: UInt8 = 0, tilde = false
            for b in p { acc |= b; tilde = tilde || b == UInt8(ascii: "~") }
            guard acc < 0x80, !tilde, root.pointer.isEmpty else { return nil }
            return walk(root, p)
        }
        return found ?? document.position(of: pointer)
    }

    /// The walk over an ASCII pointer without escapes.
    private static func walk(_ root: JSONNode, _ p: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        // IAMKit drops whatever precedes the first `/` (nothing, for a well-formed pointer).
        var start = 0
        while start < p.count && p[start] != UInt8(ascii: "/") { start += 1 }
        guard start < p.count else { return root.position }
        return descend(root, p, after: start)
    }

    /// The position for the rest of the pointer below `node`, the token starting after the `/` at
    /// `slash`. Recursive, with children read in place from their arrays: assigning each child to
    /// a variable copied it.
    private static func descend(_ node: JSONNode, _ p: UnsafeBufferPointer<UInt8>, after slash: Int) -> SourcePosition {
        let start = slash + 1
        var end = start
        while end < p.count && p[end] != UInt8(ascii: "/") { end += 1 }
        let token = UnsafeBufferPointer(rebasing: p[start..<end])
        func next(_ child: JSONNode) -> SourcePosition {
            end == p.count ? child.position : descend(child, p, after: end)
        }
        switch node.kind {
        case .object(let members):
            return members.withUnsafeBufferPointer { m in
                for j in m.indices where keyEquals(m[j].key, token) { return next(m[j].value) }
                return node.position
            }
        case .array(let items):
            guard let i = index(token), i < items.count else { return node.position }
            return items.withUnsafeBufferPointer { next($0[i]) }
        default:
            return node.position
        }
    }

    /// `key == token` (Swift's String equality, canonical equivalence) for an ASCII token: equal
    /// bytes are equal strings, and an ASCII key with other bytes is a different string; only a
    /// non-ASCII key (which may be canonically equivalent to ASCII, e.g. the Kelvin sign and `K`)
    /// needs the String comparison.
    private static func keyEquals(_ key: String, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var key = key
        return key.withUTF8 { k in
            if k.count == token.count && k.elementsEqual(token) { return true }
            guard k.contains(where: { $0 >= 0x80 }) else { return false }
            return String(decoding: k, as: UTF8.self) == String(decoding: token, as: UTF8.self)
        }
    }

    /// `Int(token)` when it is an index IAMKit accepts (`i >= 0`): an optional sign, then digits.
    /// Values past any array's size come back as `Int.max` rather than overflowing.
    private static func index(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, negative = false
        if let first = token.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-"); i = 1
        }
        guard i < token.count else { return nil }
        var value = 0
        while i < token.count {
            let d = token[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            if value < Int.max / 20 { value = value * 10 + Int(d) } else { value = Int.max }
            i += 1
        }
        // `Int("-0")` is 0; any other negative number is no index.
        if negative { return value == 0 ? 0 : nil }
        return value
    }
}
