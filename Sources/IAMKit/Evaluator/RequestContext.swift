/// The context keys of one request (`aws:SourceVpce`, `kms:ViaService`, `aws:TagKeys`…), each with
/// one or more values.
///
/// Key names are case-insensitive in IAM (`aws:sourcevpce` equals `aws:SourceVpce`), so lookups fold
/// case; values keep theirs. A key present with an empty list is a multi-valued key with no values
/// (ForAllValues → true, ForAnyValue → false), which differs from an absent key only for `Null`.
public struct RequestContext: Sendable, Equatable {
    private var storage: [String: Entry] = [:]

    private struct Entry: Sendable, Equatable {
        var name: String
        var values: [String]
    }

    public init() {}

    /// A context from single-valued keys.
    public init(_ values: [String: String]) {
        for (k, v) in values { self[k] = [v] }
    }

    /// A context from possibly multi-valued keys.
    public init(multi values: [String: [String]]) {
        for (k, v) in values { self[k] = v }
    }

    /// The values of a key, or nil when the request does not carry it.
    public subscript(key: String) -> [String]? {
        get { storage[key.lowercased()]?.values }
        set {
            if let newValue { storage[key.lowercased()] = Entry(name: key, values: newValue) } else { storage[key.lowercased()] = nil }
        }
    }

    /// The values of a key, or nil when absent.
    public func values(_ key: String) -> [String]? { self[key] }

    /// Adds one value to a key (making it multi-valued when it already has one).
    public mutating func add(_ key: String, _ value: String) {
        self[key] = (self[key] ?? []) + [value]
    }

    /// The keys as first written, sorted, with their values (for output).
    public var entries: [(key: String, values: [String])] {
        storage.values.map { ($0.name, $0.values) }.sorted { $0.0.lowercased() < $1.0.lowercased() }
    }

    /// Whether the key is present.
    public func contains(_ key: String) -> Bool { storage[key.lowercased()] != nil }
}

/// One request to authorize: an action on a resource with its context.
public struct EvaluationRequest: Sendable, Equatable {
    /// `service:Action` (matched case-insensitively).
    public var action: String
    /// The resource ARN, or `*` for actions without resource-level permissions.
    public var resource: String
    public var context: RequestContext

    public init(action: String, resource: String, context: RequestContext = RequestContext()) {
        self.action = action; self.resource = resource; self.context = context
    }
}
