import IAMKit

/// Reads and writes the `ecsrole.json` spec file.
public enum SpecCoding {
    /// The spec as JSON, fields in a fixed order (so the file is stable across runs).
    public static func json(_ s: RoleSpec) -> JSON {
        var m: [(String, JSON)] = [("version", .number(String(s.version))), ("name", .string(s.name)), ("partition", .string(s.partition))]
        opt(&m, "account", s.account); opt(&m, "region", s.region); opt(&m, "launchType", s.launchType)
        if !s.repositories.isEmpty {
            m.append(("repositories", .array(s.repositories.map { r in
                var o: [(String, JSON)] = [("arn", .string(r.arn))]
                if r.pullThroughCache { o.append(("pullThroughCache", .bool(true))) }
                if r.createOnPull { o.append(("createOnPull", .bool(true))) }
                origin(&o, r.origin)
                return .obj(o)
            })))
        }
        if !s.logGroups.isEmpty {
            m.append(("logGroups", .array(s.logGroups.map { g in
                var o: [(String, JSON)] = [("name", .string(g.name))]
                opt(&o, "region", g.region)
                if g.createGroup { o.append(("createGroup", .bool(true))) }
                opt(&o, "streamPrefix", g.streamPrefix)
                origin(&o, g.origin)
                return .obj(o)
            })))
        }
        if !s.secrets.isEmpty {
            m.append(("secrets", .array(s.secrets.map { x in
                var o: [(String, JSON)] = [("arn", .string(x.arn))]
                opt(&o, "jsonKey", x.jsonKey); opt(&o, "versionStage", x.versionStage); opt(&o, "versionId", x.versionId)
                opt(&o, "env", x.env); opt(&o, "use", x.use); opt(&o, "kmsKey", x.kmsKey)
                origin(&o, x.origin)
                return .obj(o)
            })))
        }
        if !s.parameters.isEmpty {
            m.append(("parameters", .array(s.parameters.map { p in
                var o: [(String, JSON)] = [("arn", .string(p.arn))]
                opt(&o, "env", p.env); opt(&o, "use", p.use); opt(&o, "kmsKey", p.kmsKey)
                origin(&o, p.origin)
                return .obj(o)
            })))
        }
        if !s.kmsKeys.isEmpty {
            m.append(("kmsKeys", .array(s.kmsKeys.map { k in
                var o: [(String, JSON)] = [("arn", .string(k.arn))]
                if !k.via.isEmpty { o.append(("via", .array(k.via.map { .string($0) }))) }
                opt(&o, "alias", k.alias)
                return .obj(o)
            })))
        }
        if !s.s3Objects.isEmpty {
            m.append(("s3Objects", .array(s.s3Objects.map { x in
                var o: [(String, JSON)] = [("arn", .string(x.arn)), ("use", .string(x.use))]
                origin(&o, x.origin)
                return .obj(o)
            })))
        }
        m.append(("trustGuard", .bool(s.trustGuard)))
        if s.guardDutyAgent { m.append(("guardDutyAgent", .bool(true))) }
        if !s.vpcEndpoints.isEmpty { m.append(("vpcEndpoints", .array(s.vpcEndpoints.map { .string($0) }))) }
        opt(&m, "taskRoleArn", s.taskRoleArn)
        return .obj(m)
    }

    /// The spec file's text.
    public static func text(_ s: RoleSpec) -> String { JSONWriter.pretty(json(s)) }

    private static func opt(_ m: inout [(String, JSON)], _ k: String, _ v: String?) {
        if let v { m.append((k, .string(v))) }
    }

    private static func origin(_ m: inout [(String, JSON)], _ o: RoleSpec.Origin?) {
        guard let o else { return }
        var x: [(String, JSON)] = []
        opt(&x, "container", o.container)
        x.append(("field", .string(o.field)))
        opt(&x, "pointer", o.pointer)
        m.append(("from", .obj(x)))
    }

    /// Parses spec text; errors carry line:column.
    public static func parse(_ text: String) throws(ExecRoleError) -> RoleSpec {
        let doc: JSONDocument
        do { doc = try JSONParser.parse(text) } catch { throw ExecRoleError(error.message, at: error.position) }
        return try parse(doc.root)
    }

    /// Builds a spec from a parsed node.
    public static func parse(_ root: JSONNode) throws(ExecRoleError) -> RoleSpec {
        var r = SpecReader()
        return try r.read(root)
    }
}

/// Typed field access with positioned errors, for `SpecCoding.parse`.
struct SpecReader {
    func fail(_ n: JSONNode, _ msg: String) -> ExecRoleError { ExecRoleError(msg, at: n.position) }

    func str(_ n: JSONNode, _ key: String, required: Bool = false) throws(ExecRoleError) -> String? {
        guard let v = n[key], !v.isNull else {
            if required { throw fail(n, "spec: \"\(key)\" is required here") }
            return nil
        }
        guard let s = v.string else { throw fail(v, "spec: \"\(key)\" must be a string, found \(v.kindName)") }
        return s
    }

    func bool(_ n: JSONNode, _ key: String, default d: Bool) throws(ExecRoleError) -> Bool {
        guard let v = n[key], !v.isNull else { return d }
        guard let b = v.bool else { throw fail(v, "spec: \"\(key)\" must be true or false, found \(v.kindName)") }
        return b
    }

    func list(_ n: JSONNode, _ key: String) throws(ExecRoleError) -> [JSONNode] {
        guard let v = n[key], !v.isNull else { return [] }
        guard let a = v.array else { throw fail(v, "spec: \"\(key)\" must be an array, found \(v.kindName)") }
        for item in a where item.members == nil && key != "vpcEndpoints" && key != "via" {
            throw fail(item, "spec: each entry of \"\(key)\" must be an object")
        }
        return a
    }

    func strings(_ n: JSONNode, _ key: String) throws(ExecRoleError) -> [String] {
        var out: [String] = []
        for item in try list(n, key) {
            guard let s = item.string else { throw fail(item, "spec: \"\(key)\" entries must be strings") }
            out.append(s)
        }
        return out
    }

    func origin(_ n: JSONNode) throws(ExecRoleError) -> RoleSpec.Origin? {
        guard let o = n["from"], !o.isNull else { return nil }
        guard o.members != nil else { throw fail(o, "spec: \"from\" must be an object") }
        return RoleSpec.Origin(container: try str(o, "container"), field: try str(o, "field") ?? "", pointer: try str(o, "pointer"))
    }

    mutating func read(_ root: JSONNode) throws(ExecRoleError) -> RoleSpec {
        guard root.members != nil else { throw fail(root, "spec: expected a JSON object") }
        if let v = root["version"] {
            guard case .number(let n) = v.kind, n == "1" else { throw fail(v, "spec: unsupported version (this ecsrole reads version 1)") }
        }
        var s = RoleSpec(name: try str(root, "name", required: true)!, partition: try str(root, "partition") ?? "aws",
                         account: try str(root, "account"), region: try str(root, "region"))
        guard Partition(rawValue: s.partition) != nil else { throw fail(root["partition"]!, "spec: partition must be aws, aws-cn or aws-us-gov") }
        s.launchType = try str(root, "launchType")
        for n in try list(root, "repositories") {
            s.repositories.append(.init(arn: try str(n, "arn", required: true)!, pullThroughCache: try bool(n, "pullThroughCache", default: false),
                                        createOnPull: try bool(n, "createOnPull", default: false), origin: try origin(n)))
        }
        for n in try list(root, "logGroups") {
            s.logGroups.append(.init(name: try str(n, "name", required: true)!, region: try str(n, "region"),
                                     createGroup: try bool(n, "createGroup", default: false), streamPrefix: try str(n, "streamPrefix"), origin: try origin(n)))
        }
        for n in try list(root, "secrets") {
            s.secrets.append(.init(arn: try str(n, "arn", required: true)!, jsonKey: try str(n, "jsonKey"), versionStage: try str(n, "versionStage"),
                                   versionId: try str(n, "versionId"), env: try str(n, "env"), use: try str(n, "use"),
                                   kmsKey: try str(n, "kmsKey"), origin: try origin(n)))
        }
        for n in try list(root, "parameters") {
            s.parameters.append(.init(arn: try str(n, "arn", required: true)!, env: try str(n, "env"), use: try str(n, "use"),
                                      kmsKey: try str(n, "kmsKey"), origin: try origin(n)))
        }
        for n in try list(root, "kmsKeys") {
            s.kmsKeys.append(.init(arn: try str(n, "arn", required: true)!, via: try strings(n, "via"), alias: try str(n, "alias")))
        }
        for n in try list(root, "s3Objects") {
            s.s3Objects.append(.init(arn: try str(n, "arn", required: true)!, use: try str(n, "use") ?? "environmentFile", origin: try origin(n)))
        }
        s.trustGuard = try bool(root, "trustGuard", default: true)
        s.guardDutyAgent = try bool(root, "guardDutyAgent", default: false)
        s.vpcEndpoints = try strings(root, "vpcEndpoints")
        s.taskRoleArn = try str(root, "taskRoleArn")
        return s
    }
}
