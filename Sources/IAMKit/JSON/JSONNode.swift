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
    public var pointer: String

    /// The value under `key` (first occurrence), or nil.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
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
        let rel = pointer.hasPrefix(self.pointer) ? String(pointer.dropFirst(self.pointer.count)) : pointer
        var node = self
        for token in JSONPointer.tokens(rel) {
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
        // Fast path: the parser escapes every key, and almost none contain `~` or `/`
        // (Foundation's replacingOccurrences was a quarter of `lint`'s run time on the corpus).
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var out = ""
        out.reserveCapacity(token.utf8.count + 4)
        for ch in token.unicodeScalars {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Splits a pointer into unescaped tokens.
    public static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.utf8.contains(UInt8(ascii: "~")) ? $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    /// Appends a token to a pointer.
    public static func append(_ pointer: String, _ token: String) -> String { joined(pointer, escape(token)) }
    /// Appends an array index to a pointer.
    public static func append(_ pointer: String, _ index: Int) -> String { joined(pointer, String(index)) }

    /// `pointer + "/" + token` in one allocation: `a + b + c` makes an intermediate string, and the
    /// parser builds a pointer for every node (a hundred thousand on the managed-policy corpus).
    private static func joined(_ pointer: String, _ token: String) -> String {
        var out = pointer
        out.reserveCapacity(pointer.utf8.count + 1 + token.utf8.count)
        out.append("/")
        out.append(token)
        return out
    }
}
