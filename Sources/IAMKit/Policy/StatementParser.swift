/// Reads one statement object; part of `PolicyParser`.
enum StatementParser {
    static let knownKeys: Set<String> = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                         "Resource", "NotResource", "Condition"]

    static func parse(_ node: JSONNode, index: Int, kind: PolicyKind, diags: inout [PolicyDiagnostic]) -> Statement {
        // The fields are gathered here and the statement is made once: setting them one by one
        // replaced the statement's box each time.
        var sid: Located<String>?
        var effect: Effect?
        var effectLocation: LazyPointer?
        var principal: PrincipalBlock?
        var action: ElementList?
        var resource: ElementList?
        var conditionList: [Condition] = []
        var conditionPointer: String?
        func made() -> Statement {
            Statement(index: index, pointer: node.pointer, sid: sid, effect: effect, effectLocation: effectLocation, principal: principal,
                      action: action, resource: resource, conditions: conditionList, conditionPointer: conditionPointer)
        }
        guard case .object(let members) = node.kind else {
            diags.append(PolicyDiagnostic("a statement must be an object, found \(node.kindName)", at: node.pointer))
            return made()
        }
        // By index, each value read in place: `for m in members`, and then `let v = members[i].value`,
        // copied each node (its kind and location) only to read it.
        for i in members.indices {
            let key = members[i].key
            switch key {
            case "Sid":
                guard case .string(let s) = members[i].value.kind else { diags.append(PolicyDiagnostic("Sid must be a string", at: members[i].value.pointer)); continue }
                sid = Located(s, at: members[i].value.location)
                // Identity policies accept only [A-Za-z0-9] in a Sid; resource and trust policies are looser.
                // On UTF-8 bytes: the ASCII letters are exactly the alphabetic ASCII scalars, and the
                // Unicode property lookup per character was 5% of reading the managed-policy corpus.
                if kind == .identity && !isSid(s) {
                    diags.append(PolicyDiagnostic("Sid \"\(s)\" must contain only letters and digits (A-Z, a-z, 0-9) in an identity policy", at: members[i].value.pointer))
                }
            case "Effect":
                effectLocation = members[i].value.location
                if let s = members[i].value.string, let e = Effect(rawValue: s) { effect = e }
                else { diags.append(PolicyDiagnostic("Effect must be \"Allow\" or \"Deny\" (case-sensitive), found \(members[i].value.string.map { "\"\($0)\"" } ?? members[i].value.kindName)", at: members[i].value.pointer)) }
            case "Action", "NotAction":
                if action != nil { diags.append(PolicyDiagnostic("a statement may have Action or NotAction, not both", at: members[i].value.pointer)) }
                action = list(members[i].value, name: key, negated: key == "NotAction", diags: &diags)
            case "Resource", "NotResource":
                if resource != nil { diags.append(PolicyDiagnostic("a statement may have Resource or NotResource, not both", at: members[i].value.pointer)) }
                resource = list(members[i].value, name: key, negated: key == "NotResource", diags: &diags)
            case "Principal", "NotPrincipal":
                if principal != nil { diags.append(PolicyDiagnostic("a statement may have Principal or NotPrincipal, not both", at: members[i].value.pointer)) }
                principal = self.principal(members[i].value, negated: key == "NotPrincipal", diags: &diags)
            case "Condition":
                conditionPointer = members[i].value.pointer
                conditionList = conditions(members[i].value, diags: &diags)
            default:
                let hint = knownKeys.first { $0.lowercased() == key.lowercased() }.map { " (element names are case-sensitive: did you mean \"\($0)\"?)" } ?? ""
                diags.append(PolicyDiagnostic("unknown statement element \"\(key)\"\(hint)", at: members[i].value.pointer))
            }
        }
        let st = made()
        if st.effectLocation == nil { diags.append(PolicyDiagnostic("\(st.label) has no Effect", at: node.pointer)) }
        if st.action == nil { diags.append(PolicyDiagnostic("\(st.label) has neither Action nor NotAction", at: node.pointer)) }
        switch kind {
        case .identity:
            if st.resource == nil { diags.append(PolicyDiagnostic("\(st.label) has neither Resource nor NotResource (required in an identity policy)", at: node.pointer)) }
            if let p = st.principal { diags.append(PolicyDiagnostic("\(p.negated ? "NotPrincipal" : "Principal") is not allowed in an identity policy (it belongs in a trust or resource policy)", at: p.pointer)) }
        case .trust:
            if st.principal == nil { diags.append(PolicyDiagnostic("\(st.label) has no Principal (required in a trust policy)", at: node.pointer)) }
            if let r = st.resource { diags.append(PolicyDiagnostic("\(r.negated ? "NotResource" : "Resource") is not allowed in a role trust policy", at: r.pointer)) }
        case .resource:
            if st.principal == nil { diags.append(PolicyDiagnostic("\(st.label) has no Principal (required in a resource policy)", at: node.pointer)) }
        }
        return st
    }

    /// Whether `s` is made of `[A-Za-z0-9]` only (on contiguous UTF-8: `allSatisfy` over the
    /// `utf8` view goes through its general iterator).
    static func isSid(_ s: String) -> Bool {
        s.withUTF8Bytes { $0.allSatisfy(isSidByte) }
    }

    /// `[A-Za-z0-9]`, the characters of an identity policy's Sid.
    static func isSidByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    static func list(_ v: JSONNode, name: String, negated: Bool, diags: inout [PolicyDiagnostic]) -> ElementList {
        var items: [Located<String>] = []
        var single = false
        if let s = v.string {
            items = [Located(s, at: v.location)]; single = true
        } else if let arr = v.array {
            if arr.isEmpty { diags.append(PolicyDiagnostic("\(name) is an empty array", at: v.pointer)) }
            items.reserveCapacity(arr.count)
            // By index: `for item in arr` copied each node (three reference counts) only to read it.
            for i in arr.indices {
                if case .string(let s) = arr[i].kind { items.append(Located(s, at: arr[i].location)) }
                else { diags.append(PolicyDiagnostic("\(name) entries must be strings, found \(arr[i].kindName)", at: arr[i].pointer)) }
            }
        } else {
            diags.append(PolicyDiagnostic("\(name) must be a string or an array of strings, found \(v.kindName)", at: v.pointer))
        }
        for item in items where item.value.isEmpty {
            diags.append(PolicyDiagnostic("\(name) contains an empty string", at: item.pointer))
        }
        return ElementList(negated: negated, items: items, location: v.location, single: single)
    }

    static let principalTypes: Set<String> = ["AWS", "Service", "Federated", "CanonicalUser"]

    static func principal(_ v: JSONNode, negated: Bool, diags: inout [PolicyDiagnostic]) -> PrincipalBlock {
        var block = PrincipalBlock(negated: negated, location: v.location)
        if let s = v.string {
            if s == "*" { block.wildcard = true }
            else { diags.append(PolicyDiagnostic("Principal as a string must be \"*\"; use {\"AWS\": …} or {\"Service\": …}", at: v.pointer)) }
            return block
        }
        guard let members = v.members else {
            diags.append(PolicyDiagnostic("Principal must be \"*\" or an object, found \(v.kindName)", at: v.pointer))
            return block
        }
        for m in members {
            if !principalTypes.contains(m.key) {
                diags.append(PolicyDiagnostic("unknown principal type \"\(m.key)\" (expected AWS, Service, Federated or CanonicalUser)", at: m.value.pointer))
            }
            let l = list(m.value, name: "Principal \(m.key)", negated: false, diags: &diags)
            block.entries.append(PrincipalBlock.Entry(type: m.key, values: l.items, single: l.single))
        }
        return block
    }

    static func conditions(_ v: JSONNode, diags: inout [PolicyDiagnostic]) -> [Condition] {
        guard let ops = v.members else {
            diags.append(PolicyDiagnostic("Condition must be an object of operators, found \(v.kindName)", at: v.pointer))
            return []
        }
        var out: [Condition] = []
        out.reserveCapacity(ops.reduce(0) { $0 + ($1.value.members?.count ?? 0) })
        for opMember in ops {
            guard let op = ConditionOperator(opMember.key) else {
                diags.append(PolicyDiagnostic("unknown condition operator \"\(opMember.key)\"", at: opMember.value.pointer))
                continue
            }
            guard let keys = opMember.value.members else {
                diags.append(PolicyDiagnostic("condition operator \(opMember.key) must map keys to values, found \(opMember.value.kindName)", at: opMember.value.pointer))
                continue
            }
            for k in keys {
                var values: [Located<String>] = []
                var single = false
                func scalar(_ n: JSONNode) -> String? {
                    switch n.kind {
                    case .string(let s): return s
                    case .bool(let b): return b ? "true" : "false"
                    case .number(let x): return x
                    default: return nil
                    }
                }
                if let s = scalar(k.value) { values = [Located(s, at: k.value.location)]; single = true }
                else if let arr = k.value.array {
                    values.reserveCapacity(arr.count)
                    for item in arr {
                        if let s = scalar(item) { values.append(Located(s, at: item.location)) }
                        else { diags.append(PolicyDiagnostic("condition values must be strings, numbers or booleans", at: item.pointer)) }
                    }
                } else {
                    diags.append(PolicyDiagnostic("condition value for \(k.key) must be a string or an array, found \(k.value.kindName)", at: k.value.pointer))
                }
                out.append(Condition(op: op, key: k.key, values: values, location: k.value.location, single: single))
            }
        }
        return out
    }
}
