/// A JSON value that keeps object keys in their written order.
///
/// Order matters here: policies are shown to people, diffed and written back, and a reader who sees
/// `Effect` before `Action` in the file expects the same in every view. Numbers keep their source text
/// so `2012-10-17`-style strings and large integers round-trip exactly.
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON])
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSON
        public init(_ key: String, _ value: JSON) { self.key = key; self.value = value }
    }

    /// Builds an object from ordered pairs.
    public static func obj(_ pairs: [(String, JSON)]) -> JSON {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    /// The value under `key` of an object (first occurrence), or nil.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string payload, or nil for other kinds.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of an array, or nil for other kinds.
    public var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members of an object, or nil for other kinds.
    public var objectValue: [Member]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// A short name of the kind for error messages ("a string", "an object").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
