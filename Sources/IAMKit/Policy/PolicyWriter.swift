/// Writes a `Policy` back as JSON in ecsrole's canonical form: Version, Id, Statement; in each
/// statement Sid, Effect, Principal, Action, Resource, Condition; 2-space indent. Single values stay
/// single strings where they were written so, so a round trip does not churn diffs.
public enum PolicyWriter {
    /// Canonical JSON value of a policy.
    public static func json(_ p: Policy) -> JSON {
        var top: [(String, JSON)] = []
        if let v = p.version { top.append(("Version", .string(v.value))) }
        if let id = p.id { top.append(("Id", .string(id.value))) }
        let sts = p.statements.map(statementJSON)
        top.append(("Statement", p.singleStatement && sts.count == 1 ? sts[0] : .array(sts)))
        return .obj(top)
    }

    /// Canonical pretty text of a policy.
    public static func text(_ p: Policy) -> String { JSONWriter.pretty(json(p)) }

    static func listJSON(_ l: ElementList) -> JSON {
        l.single && l.items.count == 1 ? .string(l.items[0].value) : .array(l.items.map { .string($0.value) })
    }

    static func statementJSON(_ s: Statement) -> JSON {
        var m: [(String, JSON)] = []
        if let sid = s.sid { m.append(("Sid", .string(sid.value))) }
        if let e = s.effect { m.append(("Effect", .string(e.rawValue))) }
        if let p = s.principal {
            let value: JSON = p.wildcard ? .string("*") : .obj(p.entries.map {
                ($0.type, $0.single && $0.values.count == 1 ? .string($0.values[0].value) : .array($0.values.map { .string($0.value) }))
            })
            m.append((p.negated ? "NotPrincipal" : "Principal", value))
        }
        if let a = s.action { m.append((a.negated ? "NotAction" : "Action", listJSON(a))) }
        if let r = s.resource { m.append((r.negated ? "NotResource" : "Resource", listJSON(r))) }
        if !s.conditions.isEmpty {
            var ops: [(String, [(String, JSON)])] = []
            for c in s.conditions {
                let value: JSON = c.single && c.values.count == 1 ? .string(c.values[0].value) : .array(c.values.map { .string($0.value) })
                if let i = ops.firstIndex(where: { $0.0 == c.op.raw }) { ops[i].1.append((c.key, value)) }
                else { ops.append((c.op.raw, [(c.key, value)])) }
            }
            m.append(("Condition", .obj(ops.map { ($0.0, JSON.obj($0.1)) })))
        }
        return .obj(m)
    }
}
