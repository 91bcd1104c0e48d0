/// Reads a policy document into the `Policy` model, collecting grammar problems instead of stopping
/// at the first one.
public enum PolicyParser {
    /// Parses policy text. Throws only when the text is not JSON at all.
    public static func parse(_ text: String, kind: PolicyKind = .identity) throws(JSONParseError) -> (Policy, JSONDocument) {
        let doc = try JSONParser.parse(text)
        return (parse(doc.root, kind: kind), doc)
    }

    /// Builds the model from a parsed node (which may sit inside a bigger document: pointers are
    /// relative to that document's root).
    public static func parse(_ root: JSONNode, kind: PolicyKind) -> Policy {
        var diags: [PolicyDiagnostic] = []
        guard let members = root.members else {
            diags.append(PolicyDiagnostic("a policy must be a JSON object, found \(root.kindName)", at: root.pointer))
            return Policy(kind: kind, version: nil, statements: [], diagnostics: diags)
        }
        var version: Located<String>?
        var id: Located<String>?
        var statements: [Statement] = []
        var single = false
        var sawStatement = false
        for m in members {
            switch m.key {
            case "Version":
                if let s = m.value.string {
                    version = Located(s, at: m.value.location)
                    if s != "2012-10-17" && s != "2008-10-17" {
                        diags.append(PolicyDiagnostic("Version must be \"2012-10-17\" (or the legacy \"2008-10-17\"), found \"\(s)\"", at: m.value.pointer))
                    }
                } else {
                    diags.append(PolicyDiagnostic("Version must be a string, found \(m.value.kindName)", at: m.value.pointer))
                }
            case "Id":
                if let s = m.value.string { id = Located(s, at: m.value.location) }
                else { diags.append(PolicyDiagnostic("Id must be a string", at: m.value.pointer)) }
            case "Statement":
                sawStatement = true
                if let arr = m.value.array {
                    if arr.isEmpty { diags.append(PolicyDiagnostic("Statement is an empty array: the policy grants nothing", at: m.value.pointer)) }
                    statements.reserveCapacity(statements.count + arr.count)
                    for i in arr.indices { statements.append(StatementParser.parse(arr[i], index: i, kind: kind, diags: &diags)) }
                } else if m.value.members != nil {
                    single = true
                    statements.append(StatementParser.parse(m.value, index: 0, kind: kind, diags: &diags))
                } else {
                    diags.append(PolicyDiagnostic("Statement must be an object or an array of objects, found \(m.value.kindName)", at: m.value.pointer))
                }
            default:
                diags.append(PolicyDiagnostic("unknown top-level element \"\(m.key)\" (expected Version, Id, Statement)", at: m.value.pointer))
            }
        }
        if version == nil && !members.contains(where: { $0.key == "Version" }) {
            diags.append(PolicyDiagnostic("Version is missing: without \"Version\": \"2012-10-17\" policy variables are not substituted", at: root.pointer))
        }
        if !sawStatement { diags.append(PolicyDiagnostic("Statement is missing", at: root.pointer)) }
        return Policy(kind: kind, version: version, id: id, statements: statements, singleStatement: single, diagnostics: diags)
    }
}
