// The synthesized memberwise initializers are internal; loaders outside IAMKit that bridge other
// formats (YAML, encoded policy strings) build nodes carrying the positions of their own source.

extension JSONNode {
    /// A node built by code rather than the parser.
    public init(_ kind: Kind, at position: SourcePosition, pointer: String) {
        self.init(kind: kind, position: position, pointer: pointer)
    }
}

extension JSONNode.Member {
    /// A member built by code.
    public init(_ key: String, at keyPosition: SourcePosition, value: JSONNode) {
        self.init(key: key, keyPosition: keyPosition, value: value)
    }
}

extension JSONDocument {
    /// A document built by code around `root`.
    public init(_ root: JSONNode, duplicateKeys: [(pointer: String, key: String, position: SourcePosition)] = []) {
        self.init(root: root, duplicateKeys: duplicateKeys)
    }
}
