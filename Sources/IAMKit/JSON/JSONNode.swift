import Foundation

/// A line and column in a source text, both 1-based; columns count Unicode scalars.
public struct SourcePosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// UTF-8 byte offset from the start of the text.
    public var offset: Int
    public init(line: Int, column: Int, offset: Int = 0) { self.line = line; self.column = column; self.offset = offset }
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value together with where it was written.
///
/// Every finding the tool reports is pinned to a node, so the parser keeps the position of each value
/// and of each object key; `pointer` is the RFC 6901 JSON Pointer of the node from the document root.
public struct JSONNode: Sendable {
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    /// A key with its own position and the value node.
    public struct Member: Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: JSONNode
    }

    public var kind: Kind
    public var position: SourcePosition
    /// Where the node is, spelled out on demand (see `LazyPointer`).
    public var location: LazyPointer
    /// The RFC 6901 JSON Pointer of the node from the document root.
    public var pointer: String {
        get { location.string }
        set { location = LazyPointer(newValue) }
    }

    init(kind: Kind, position: SourcePosition, location: LazyPointer) {
        self.kind = kind; self.position = position; self.location = location
    }

    init(kind: Kind, position: SourcePosition, pointer: String) {
        self.init(kind: kind, position: position, location: LazyPointer(pointer))
    }

    /// The value under `key` (first occurrence), or nil.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Whether the node is an object with a member named `key`: `self[key] != nil` without copying
    /// the value out.
    public func hasMember(_ key: String) -> Bool {
        guard case .object(let members) = kind else { return false }
        for i in members.indices where members[i].key == key { return true }
        return false
    }

    /// The member named `key`, matched case-insensitively (IAM element names are case-sensitive,
    /// but the lenient readers of task definitions accept `Image` for `image`).
    public func member(named key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }
    }

    public var string: String? { if case .string(let s) = kind { return s }; return nil }
    public var array: [JSONNode]? { if case .array(let a) = kind { return a }; return nil }
    public var members: [Member]? { if case .object(let m) = kind { return m }; return nil }
    public var isNull: Bool { if case .null = kind { return true }; return false }
    public var bool: Bool? { if case .bool(let b) = kind { return b }; return nil }

    /// The value without positions.
    public var json: JSON {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.json))
        case .object(let m): return .object(m.map { JSON.Member($0.key, $0.value.json) })
        }
    }

    /// A short name of the kind for error messages.
    public var kindName: String { json.kindName }

    /// The node at a JSON Pointer below this node, or nil when the path does not exist.
    public func node(at pointer: String) -> JSONNode? {
        if pointer.isEmpty { return self }
        var bytes = pointer
        if let found = bytes.withUTF8({ resolveFast($0, deepest: false) { $0 } }) { return found }
        return nodeByCharacters(at: pointer)
    }

    /// `node(at:)` on `String`s: for pointers with `~` escapes or beyond printable ASCII.
    func nodeByCharacters(at pointer: String) -> JSONNode? {
        if pointer.isEmpty { return self }
        let own = self.pointer
        let rel = !own.isEmpty && pointer.hasPrefix(own) ? Substring(pointer.dropFirst(own.count)) : Substring(pointer)
        // Tokens as substrings of the pointer: every finding's position is looked up here, and a
        // String per token (`JSONPointer.tokens`) cost an allocation each.
        var node = self
        for raw in rel.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = raw.utf8.contains(UInt8(ascii: "~")) ? Substring(JSONPointer.unescape(raw)) : raw
            switch node.kind {
            case .object(let m):
                guard let next = m.first(where: { $0.key == token })?.value else { return nil }
                node = next
            case .array(let a):
                guard let i = Int(token), i >= 0, i < a.count else { return nil }
                node = a[i]
            default:
                return nil
            }
        }
        return node
    }
}

/// RFC 6901 JSON Pointer helpers.
public enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        // Fast path: almost no key contains `~` or `/` (Foundation's replacingOccurrences was a
        // quarter of `lint`'s run time on the corpus). Both paths work on UTF-8 bytes.
        // The test reads the bytes in place: `withUTF8` on a copy (a retain, a release and a closure)
        // made this 180 instructions a call, on the 27,000 container pointers of the corpus.
        let plain = token.withUTF8Bytes { t in !t.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) }
        if plain { return token }
        var bytes = token
        return bytes.withUTF8 { t in
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 4)
            for b in t {
                switch b {
                case UInt8(ascii: "~"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "0"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "1"))
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Splits a pointer into unescaped tokens.
    public static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.utf8.contains(UInt8(ascii: "~")) ? unescape($0) : String($0)
        }
    }

    /// One reference token with `~1` and `~0` undone (in that order, as RFC 6901 says).
    static func unescape(_ token: Substring) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// Appends a token to a pointer.
    public static func append(_ pointer: String, _ token: String) -> String { joined(pointer, escape(token)) }
    /// Appends an array index to a pointer.
    public static func append(_ pointer: String, _ index: Int) -> String { joined(pointer, indexToken(index)) }

    /// `String(index)`, from a table for the indices policies use (formatting an integer for each
    /// array element of each document showed in profiles).
    static func indexToken(_ index: Int) -> String {
        index >= 0 && index < smallIndices.count ? smallIndices[index] : String(index)
    }

    private static let smallIndices: [String] = (0..<512).map { String($0) }

    /// `pointer + "/" + token`, written into one new string: `a + b + c` makes an intermediate
    /// string, and appending goes through String's general growth path.
    static func joined(_ pointer: String, _ token: String) -> String {
        // Written into a stack buffer, then made a string by `String(decoding:)`, whose ASCII check
        // goes eight bytes at a time: `String(unsafeUninitializedCapacity:)` checked the new heap
        // string byte by byte, and `withUTF8` on copies of both strings cost a retain and a release each.
        pointer.withUTF8Bytes { p in
            token.withUTF8Bytes { t in
                let count = p.count + 1 + t.count
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out in
                    _ = out.initialize(fromContentsOf: p)
                    out[p.count] = UInt8(ascii: "/")
                    _ = UnsafeMutableBufferPointer(rebasing: out[(p.count + 1)...]).initialize(fromContentsOf: t)
                    return String(decoding: UnsafeBufferPointer(out), as: UTF8.self)
                }
            }
        }
    }
}
