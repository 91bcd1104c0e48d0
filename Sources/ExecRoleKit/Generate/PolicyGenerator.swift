import IAMKit

/// Builds the least-privilege identity policy and the trust policy for a spec.
///
/// One statement per purpose with a readable Sid, exact resources, no action the task does not
/// use, `*` only for `ecr:GetAuthorizationToken`, and never `aws:SourceAccount`/`SourceArn` in the
/// identity policy (those keys are absent on the agent's own calls, so such a condition denies).
public enum PolicyGenerator {
    /// The identity policy as JSON.
    public static func identityPolicy(_ spec: RoleSpec) -> JSON {
        identityPolicy(spec, requirements: Requirements.compute(spec))
    }

    /// The identity policy for precomputed requirements.
    public static func identityPolicy(_ spec: RoleSpec, requirements: [Requirement]) -> JSON {
        var statements: [JSON] = []
        for purpose in Requirement.Purpose.allCases {
            let reqs = requirements.filter { $0.purpose == purpose }
            guard !reqs.isEmpty else { continue }
            if purpose == .kms {
                // Keys that decrypt through the same services share a statement.
                var groups: [(via: [String], keys: [String])] = []
                for key in unique(reqs.map(\.resource)) {
                    let via = unique(reqs.filter { $0.resource == key }.compactMap { $0.context["kms:ViaService"] }).sorted()
                    if let i = groups.firstIndex(where: { $0.via == via }) { groups[i].keys.append(key) } else { groups.append((via, [key])) }
                }
                for (i, g) in groups.enumerated() {
                    let cond: JSON? = g.via.isEmpty ? nil : .obj([("StringEquals", .obj([("kms:ViaService", list(g.via))]))])
                    statements.append(statement(sid: purpose.sid + (groups.count > 1 ? String(i + 1) : ""),
                                                actions: ["kms:Decrypt"], resources: g.keys, condition: cond))
                }
                continue
            }
            var cond: JSON?
            if !spec.vpcEndpoints.isEmpty && [.ecrPull, .secretsManager, .ssm, .logs].contains(purpose) {
                cond = .obj([("StringEquals", .obj([("aws:SourceVpce", list(spec.vpcEndpoints))]))])
            }
            statements.append(statement(sid: purpose.sid, actions: unique(reqs.map(\.action)), resources: unique(reqs.map(\.resource)), condition: cond))
        }
        return .obj([("Version", .string("2012-10-17")), ("Statement", .array(statements))])
    }

    /// The trust policy: `ecs-tasks.amazonaws.com` may assume the role, guarded against the
    /// confused deputy with the account and an account-wide (not cluster-specific) SourceArn.
    public static func trustPolicy(_ spec: RoleSpec) -> JSON {
        var st: [(String, JSON)] = [
            ("Sid", .string("ECSTasksAssumeRole")), ("Effect", .string("Allow")),
            ("Principal", .obj([("Service", .string("ecs-tasks.amazonaws.com"))])), ("Action", .string("sts:AssumeRole")),
        ]
        if spec.trustGuard, let acct = spec.account {
            st.append(("Condition", .obj([
                ("StringEquals", .obj([("aws:SourceAccount", .string(acct))])),
                ("ArnLike", .obj([("aws:SourceArn", .string("arn:\(spec.partition):ecs:\(spec.region ?? "*"):\(acct):*"))])),
            ])))
        }
        return .obj([("Version", .string("2012-10-17")), ("Statement", .array([.obj(st)]))])
    }

    static func statement(sid: String, actions: [String], resources: [String], condition: JSON?) -> JSON {
        var m: [(String, JSON)] = [("Sid", .string(sid)), ("Effect", .string("Allow")), ("Action", list(actions)), ("Resource", list(resources))]
        if let condition { m.append(("Condition", condition)) }
        return .obj(m)
    }

    static func list(_ xs: [String]) -> JSON { xs.count == 1 ? .string(xs[0]) : .array(xs.map { .string($0) }) }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
