/// A JSON Pointer kept as the pointer of the enclosing container plus the last reference token, and
/// spelled out only when read.
///
/// The parser gives every value a pointer, but only containers' pointers are needed while reading
/// (their children extend them); a leaf's is read when a finding lands on it. Building and freeing
/// a string for each of the ~80,000 leaves of the managed-policy corpus was a quarter of `lint`'s
/// fixed cost. A leaf shares its container's pointer and its key (or a small index string), so
/// making one allocates nothing.
public struct LazyPointer: Sendable, Equatable, CustomStringConvertible {
    /// The whole pointer when `token` is nil, else the enclosing container's pointer.
    var base: String
    /// The last reference token as written (the key `a/b`, not `a~1b`; an index's digits): escaping
    /// waits until the pointer is spelled out, and most never are.
    var token: String?

    /// A pointer that is already spelled out.
    public init(_ pointer: String) { base = pointer; token = nil }

    /// `parent` followed by one reference token (a key or an index), not yet escaped.
    init(parent: String, token: String) { base = parent; self.token = token }

    /// The pointer text (allocates for a pointer longer than 15 bytes that was not spelled out yet).
    public var string: String {
        guard let token else { return base }
        return JSONPointer.joined(base, JSONPointer.escape(token))
    }

    public var description: String { string }

    /// Equal when they spell the same pointer, however each is stored.
    public static func == (a: LazyPointer, b: LazyPointer) -> Bool {
        if a.base == b.base && a.token == b.token { return true }
        return a.string == b.string
    }
}
