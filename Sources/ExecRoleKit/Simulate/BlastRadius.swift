import IAMKit

/// What someone holding a role's credentials could do: the actions its policies grant (wildcards
/// expanded with the action catalog), grouped by access level with the high-risk ones first, and —
/// given an inventory — the concrete resources they reach ("read 3 secrets: …").
///
/// The action view is an over-approximation on purpose (conditions are reported, not solved): a
/// blast radius should not under-state. The inventory view is exact: each resource is evaluated.
public struct BlastRadius: Sendable {
    /// One granted action.
    public struct Grant: Sendable {
        public var action: ActionInfo
        /// Resource patterns it is granted on (`NOT …` for NotResource).
        public var resources: [String]
        /// Every statement granting it has a Condition.
        public var conditional: Bool
        public var risks: [RiskCategory: String]
        public var isHighRisk: Bool { !risks.isEmpty }
    }

    /// Concrete reach over an inventory: a verb, a kind of resource and the names.
    public struct Reach: Sendable, Equatable {
        public var verb: String
        public var kind: String
        public var action: String
        public var names: [String]
        /// Writes and deletes rank above reads.
        public var severity: Int
        /// `read 3 secrets: a, b, c`.
        public var text: String { "\(verb) \(names.count) \(kind)\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", "))" }
    }

    /// Granted actions, high-risk first, then by access level (most harmful first), then by name.
    public var grants: [Grant]
    /// Action patterns that match no catalog action (typos, or newer than the catalog).
    public var unknownPatterns: [String]
    /// Actions allowed but removed by an unconditional Deny.
    public var deniedCount: Int
    public var reach: [Reach]

    /// Grants of one access level, in order.
    public func grants(at level: AccessLevel) -> [Grant] { grants.filter { $0.action.accessLevel == level } }

    /// Analyzes identity policies (and an optional boundary) against an optional inventory.
    public static func analyze(identity: [NamedPolicy], boundary: NamedPolicy? = nil, inventory: Inventory? = nil,
                               roleARN: String? = nil, catalog: ActionCatalog = .shared) -> BlastRadius {
        var byName: [String: Grant] = [:]
        var unknown: [String] = []
        var denyPatterns: [String] = []
        for p in identity {
            for st in p.policy.statements {
                guard let action = st.action, let resource = st.resource else { continue }
                if st.effect == .deny {
                    // Only a Deny that surely applies (no condition, every resource) removes an action.
                    if st.conditions.isEmpty, !action.negated, !resource.negated, resource.values.contains("*") { denyPatterns += action.values }
                    continue
                }
                guard st.effect == .allow else { continue }
                var infos: [ActionInfo] = []
                if action.negated {
                    infos = catalog.allActions.filter { a in !action.values.contains { Glob.matches($0, a.fullName, caseInsensitive: true) } }
                } else {
                    for pattern in action.values {
                        let e = catalog.expand(pattern)
                        if e.isEmpty && !unknown.contains(pattern) { unknown.append(pattern) }
                        infos += e
                    }
                }
                let res = resource.negated ? resource.values.map { "NOT " + $0 } : resource.values
                for info in infos {
                    let key = info.fullName.lowercased()
                    if var g = byName[key] {
                        for r in res where !g.resources.contains(r) { g.resources.append(r) }
                        g.conditional = g.conditional && !st.conditions.isEmpty
                        byName[key] = g
                    } else {
                        byName[key] = Grant(action: info, resources: res, conditional: !st.conditions.isEmpty, risks: RiskCatalog.categories(for: info))
                    }
                }
            }
        }
        var denied = 0
        for (k, g) in byName where denyPatterns.contains(where: { Glob.matches($0, g.action.fullName, caseInsensitive: true) }) {
            byName[k] = nil; denied += 1
        }
        if let boundary {
            let allowedByBoundary = boundary.policy.statements.filter { $0.effect == .allow }
            for (k, g) in byName {
                let ok = allowedByBoundary.contains { st in
                    guard let a = st.action else { return false }
                    let hit = a.values.contains { Glob.matches($0, g.action.fullName, caseInsensitive: true) }
                    return a.negated ? !hit : hit
                }
                if !ok { byName[k] = nil; denied += 1 }
            }
        }
        let grants = byName.values.sorted { a, b in
            if a.isHighRisk != b.isHighRisk { return a.isHighRisk }
            if a.action.accessLevel != b.action.accessLevel { return a.action.accessLevel > b.action.accessLevel }
            return a.action.fullName.lowercased() < b.action.fullName.lowercased()
        }
        let reach = inventory.map { concreteReach($0, identity: identity, boundary: boundary, roleARN: roleARN) } ?? []
        return BlastRadius(grants: grants, unknownPatterns: unknown, deniedCount: denied, reach: reach)
    }

    /// Evaluates each inventory resource for the actions that matter.
    static func concreteReach(_ inv: Inventory, identity: [NamedPolicy], boundary: NamedPolicy?, roleARN: String?) -> [Reach] {
        var ctx = RequestContext()
        ctx["aws:PrincipalAccount"] = [inv.account]
        ctx["aws:RequestedRegion"] = [inv.region]
        ctx["aws:SecureTransport"] = ["true"]
        if let roleARN { ctx["aws:PrincipalArn"] = [roleARN] }
        func allowed(_ action: String, _ resource: String) -> Bool {
            PolicyEvaluator.evaluate(EvaluationRequest(action: action, resource: resource, context: ctx), identity: identity, boundary: boundary).isAllowed
        }
        func stream(_ groupArn: String) -> String {
            (groupArn.hasSuffix(":*") ? String(groupArn.dropLast(2)) : groupArn) + ":log-stream:any"
        }
        let checks: [(String, String, String, Int, [(name: String, arn: String)])] = [
            ("delete", "secret", "secretsmanager:DeleteSecret", 3, inv.secrets.map { ($0.name, $0.arn) }),
            ("overwrite", "secret", "secretsmanager:PutSecretValue", 3, inv.secrets.map { ($0.name, $0.arn) }),
            ("schedule deletion of", "KMS key", "kms:ScheduleKeyDeletion", 3, inv.keys.map { ($0.aliases.first ?? $0.keyId, $0.arn) }),
            ("push images to", "repository", "ecr:PutImage", 3, inv.repositories.map { ($0.name, $0.arn) }),
            ("overwrite", "parameter", "ssm:PutParameter", 3, inv.parameters.map { ($0.name, $0.arn) }),
            ("delete", "log group", "logs:DeleteLogGroup", 2, inv.logGroups.map { ($0.name, $0.arn.hasSuffix(":*") ? String($0.arn.dropLast(2)) : $0.arn) }),
            ("read", "secret", "secretsmanager:GetSecretValue", 2, inv.secrets.map { ($0.name, $0.arn) }),
            ("read", "parameter", "ssm:GetParameters", 2, inv.parameters.map { ($0.name, $0.arn) }),
            ("decrypt with", "KMS key", "kms:Decrypt", 2, inv.keys.map { ($0.aliases.first ?? $0.keyId, $0.arn) }),
            ("pull images from", "repository", "ecr:BatchGetImage", 1, inv.repositories.map { ($0.name, $0.arn) }),
            ("read logs of", "log group", "logs:GetLogEvents", 1, inv.logGroups.map { ($0.name, stream($0.arn)) }),
            ("write logs to", "log group", "logs:PutLogEvents", 0, inv.logGroups.map { ($0.name, stream($0.arn)) }),
        ]
        var out: [Reach] = []
        for (verb, kind, action, severity, items) in checks {
            let names = items.filter { allowed(action, $0.arn) }.map(\.name)
            if !names.isEmpty { out.append(Reach(verb: verb, kind: kind, action: action, names: names, severity: severity)) }
        }
        return out  // the table above is already ordered by severity
    }
}
