import IAMKit

/// `taskdef-fragment.json`: the task-definition fields the role was built for (executionRoleArn,
/// logConfiguration, secrets, repositoryCredentials), grouped per container, ready to merge.
public enum TaskDefinitionFragmentRenderer {
    public static func render(spec: RoleSpec) -> JSON {
        var order: [String] = []
        var containers: [String: [(String, JSON)]] = [:]
        var secrets: [String: [JSON]] = [:]
        var secretOptions: [String: [JSON]] = [:]
        let fallback = "app"
        func name(_ o: RoleSpec.Origin?) -> String {
            let n = o?.container ?? fallback
            if !order.contains(n) { order.append(n); containers[n] = [("name", .string(n))] }
            return n
        }
        for r in spec.repositories where r.origin?.container != nil {
            let n = name(r.origin)
            if let a = ARN(r.arn), !containers[n]!.contains(where: { $0.0 == "image" }) {
                let suffix = Partition(rawValue: a.partition)?.dnsSuffix ?? "amazonaws.com"
                containers[n]!.append(("image", .string("\(a.account).dkr.ecr.\(a.region).\(suffix)/\(a.resourceName)")))
            }
        }
        for s in spec.secrets {
            switch s.use {
            case "ssmReference": continue
            case "repositoryCredentials":
                containers[name(s.origin)]!.append(("repositoryCredentials", .obj([("credentialsParameter", .string(s.arn))])))
            default:
                let n = name(s.origin)
                var vf = s.arn
                if s.jsonKey != nil || s.versionStage != nil || s.versionId != nil {
                    vf += ":\(s.jsonKey ?? ""):\(s.versionStage ?? ""):\(s.versionId ?? "")"
                }
                let entry = JSON.obj([("name", .string(s.env ?? envName(s.arn))), ("valueFrom", .string(vf))])
                if s.use == "secretOptions" { secretOptions[n, default: []].append(entry) } else { secrets[n, default: []].append(entry) }
            }
        }
        for p in spec.parameters {
            let n = name(p.origin)
            let entry = JSON.obj([("name", .string(p.env ?? envName(p.arn))), ("valueFrom", .string(p.arn))])
            if p.use == "secretOptions" { secretOptions[n, default: []].append(entry) } else { secrets[n, default: []].append(entry) }
        }
        for g in spec.logGroups {
            let n = name(g.origin)
            guard !containers[n]!.contains(where: { $0.0 == "logConfiguration" }) else { continue }
            var opts: [(String, JSON)] = [("awslogs-group", .string(g.name))]
            if let r = g.region ?? spec.region { opts.append(("awslogs-region", .string(r))) }
            opts.append(("awslogs-stream-prefix", .string(g.streamPrefix ?? n)))
            if g.createGroup { opts.append(("awslogs-create-group", .string("true"))) }
            var lc: [(String, JSON)] = [("logDriver", .string("awslogs")), ("options", .obj(opts))]
            if let so = secretOptions.removeValue(forKey: n) { lc.append(("secretOptions", .array(so))) }
            containers[n]!.append(("logConfiguration", .obj(lc)))
        }
        for (n, so) in secretOptions.sorted(by: { $0.key < $1.key }) {
            containers[name(.init(container: n, field: ""))]!.append(("logConfiguration", .obj([("secretOptions", .array(so))])))
        }
        for (n, s) in secrets { containers[n]!.append(("secrets", .array(s))) }
        var top: [(String, JSON)] = []
        if let arn = OutputNames.roleARN(spec) { top.append(("executionRoleArn", .string(arn))) }
        if let t = spec.taskRoleArn { top.append(("taskRoleArn", .string(t))) }
        top.append(("containerDefinitions", .array(order.map { JSON.obj(containers[$0]!) })))
        return .obj(top)
    }

    /// An environment-variable name derived from a secret or parameter name (`/app/db-pass` → `DB_PASS`).
    public static func envName(_ arn: String) -> String {
        let last = arn.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "SECRET"
        var base = last
        if Requirements.hasRandomSuffix(arn) == true { base = String(base.dropLast(7)) }
        let s = base.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(s)
    }
}
