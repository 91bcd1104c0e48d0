extension JSONNode {
    /// `JSONWriter.compactScalarCount(json)`: the node's length as IAM counts a policy (compact
    /// JSON, in Unicode scalars), read off the tree as it is.
    ///
    /// `policy-size` asked for `json` first, which copies the whole document into a second tree of
    /// `JSON` values per policy only to count it (2 % of `lint` on the managed-policy corpus).
    public var compactScalarCount: Int {
        switch kind {
        case .null: return 4
        case .bool(let b): return b ? 4 : 5
        case .number(let n): return JSONWriter.scalarCount(n)
        case .string(let s): return JSONWriter.quotedScalarCount(s)
        case .array(let items):
            var n = 2 + max(items.count - 1, 0)
            for i in items.indices { n += items[i].compactScalarCount }
            return n
        case .object(let members):
            var n = 2 + max(members.count - 1, 0)
            for i in members.indices { n += JSONWriter.quotedScalarCount(members[i].key) + 1 + members[i].value.compactScalarCount }
            return n
        }
    }
}
