/// A value from a policy document together with the JSON Pointer it was read from.
///
/// The pointer is kept lazy (`LazyPointer`): a policy has a located value per action and resource,
/// and only the few that findings land on are ever spelled out.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: LazyPointer
    public var pointer: String {
        get { location.string }
        set { location = LazyPointer(newValue) }
    }
    public init(_ value: Value, _ pointer: String) { self.value = value; location = LazyPointer(pointer) }
    /// A value read from the node at `location`.
    public init(_ value: Value, at location: LazyPointer) { self.value = value; self.location = location }
}

extension Located: Equatable where Value: Equatable {}

/// Allow or Deny.
public enum Effect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}

/// What kind of policy a document is; the grammar differs (Principal is required in a trust policy
/// and forbidden in an identity policy).
public enum PolicyKind: String, Sendable, Equatable, CaseIterable {
    case identity
    case trust
    case resource
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: a list of patterns, possibly negated.
public struct ElementList: Sendable, Equatable {
    public var negated: Bool
    public var items: [Located<String>]
    /// Where the element itself is (`/Statement/0/Action`).
    public var location: LazyPointer
    /// Pointer of the element itself (`/Statement/0/Action`).
    public var pointer: String {
        get { location.string }
        set { location = LazyPointer(newValue) }
    }
    /// Written as a single string rather than an array (kept so the canonical writer round-trips).
    public var single: Bool
    public init(negated: Bool = false, items: [Located<String>], pointer: String, single: Bool = false) {
        self.init(negated: negated, items: items, location: LazyPointer(pointer), single: single)
    }
    public init(negated: Bool = false, items: [Located<String>], location: LazyPointer, single: Bool = false) {
        self.negated = negated; self.items = items; self.location = location; self.single = single
    }
    public var values: [String] { items.map(\.value) }
}

/// `Principal`/`NotPrincipal`: `"*"` or a map of principal type (AWS, Service, Federated,
/// CanonicalUser) to values.
public struct PrincipalBlock: Sendable, Equatable {
    public var negated: Bool
    public var wildcard: Bool
    public var entries: [Entry]
    public var location: LazyPointer
    public var pointer: String {
        get { location.string }
        set { location = LazyPointer(newValue) }
    }

    /// One principal type with its values.
    public struct Entry: Sendable, Equatable {
        public var type: String
        public var values: [Located<String>]
        public var single: Bool
        public init(type: String, values: [Located<String>], single: Bool = false) { self.type = type; self.values = values; self.single = single }
    }

    public init(negated: Bool = false, wildcard: Bool = false, entries: [Entry] = [], pointer: String) {
        self.init(negated: negated, wildcard: wildcard, entries: entries, location: LazyPointer(pointer))
    }
    public init(negated: Bool = false, wildcard: Bool = false, entries: [Entry] = [], location: LazyPointer) {
        self.negated = negated; self.wildcard = wildcard; self.entries = entries; self.location = location
    }

    /// All values of one principal type (`Service`, `AWS`…).
    public func values(_ type: String) -> [String] { entries.filter { $0.type == type }.flatMap { $0.values.map(\.value) } }
}

/// One `Operator: { Key: [values] }` test of a Condition block.
public struct Condition: Sendable, Equatable {
    public var op: ConditionOperator
    public var key: String
    public var values: [Located<String>]
    /// Where the key's value is, inside the operator object.
    public var location: LazyPointer
    /// Pointer of the key inside the operator object (`/Statement/0/Condition/StringEquals/aws:SourceAccount`).
    public var pointer: String {
        get { location.string }
        set { location = LazyPointer(newValue) }
    }
    public var single: Bool
    public init(op: ConditionOperator, key: String, values: [Located<String>], pointer: String, single: Bool = false) {
        self.init(op: op, key: key, values: values, location: LazyPointer(pointer), single: single)
    }
    public init(op: ConditionOperator, key: String, values: [Located<String>], location: LazyPointer, single: Bool = false) {
        self.op = op; self.key = key; self.values = values; self.location = location; self.single = single
    }
}

/// A parsed policy document. Parsing is lenient: the model is built even when the grammar is
/// broken, and every problem is listed in `diagnostics` so lint can report all of them at once.
public struct Policy: Sendable {
    public var kind: PolicyKind
    public var version: Located<String>?
    public var id: Located<String>?
    public var statements: [Statement]
    /// The Statement element was one object rather than an array.
    public var singleStatement: Bool
    public var diagnostics: [PolicyDiagnostic]

    public init(kind: PolicyKind, version: Located<String>?, id: Located<String>? = nil, statements: [Statement],
                singleStatement: Bool = false, diagnostics: [PolicyDiagnostic] = []) {
        self.kind = kind; self.version = version; self.id = id; self.statements = statements
        self.singleStatement = singleStatement; self.diagnostics = diagnostics
    }

    /// Policy variables such as `${aws:username}` are substituted only under version 2012-10-17.
    public var supportsVariables: Bool { version?.value == "2012-10-17" }
}

/// A grammar problem found while reading a policy.
public struct PolicyDiagnostic: Sendable, Equatable {
    public var message: String
    public var pointer: String
    public init(_ message: String, at pointer: String) { self.message = message; self.pointer = pointer }
}
