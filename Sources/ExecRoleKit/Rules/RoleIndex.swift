import Foundation
import IAMKit

/// The identity-policy statements of one role, with the service key (`ActionKey`) of every action
/// item, built once per role (`RoleUnderReview.index`).
///
/// The role rules ask a dozen "which statements cover this action?" questions per role; globbing
/// every item of every statement for each was the largest part of their time on the managed-policy
/// corpus, and so was copying every `Statement` into a new `RoleStatement` for each rule. Here each
/// question compares the action's key with the items' precomputed keys (one integer compare per
/// item) and globs only the items naming the action's service or having no key. The answers are
/// exactly those of the naive scan, in statement order.
///
/// (A map from service to statements was tried too: building it cost more than the integer
/// compares it saves, a role being asked only a dozen questions.)
final class RoleIndex: Sendable {
    /// Every statement of every identity policy, in order.
    let statements: [RoleStatement]

    /// Resource items that may be ARNs of each `ARNService` (by raw value; empty when none has).
    private let serviceResources: [[ServiceResource]]

    init(_ role: RoleUnderReview) {
        var statements: [RoleStatement] = []
        statements.reserveCapacity(role.identityPolicies.reduce(0) { $0 + $1.policy.statements.count })
        var found: [[ServiceResource]] = []
        for (i, src) in role.identityPolicies.enumerated() {
            let sts = src.policy.statements
            for j in sts.indices {
                let st = RoleStatement(policyIndex: i, sourceName: src.name, statements: sts, statementIndex: j)
                statements.append(st)
                guard let list = sts[j].resource, !list.negated else { continue }
                for item in list.items {
                    let services = ARNService.candidates(item.value)
                    guard services != 0 else { continue }
                    if found.isEmpty { found = Array(repeating: [], count: ARNService.allCases.count) }
                    for s in ARNService.allCases where services & (1 << s.rawValue) != 0 {
                        found[s.rawValue].append(ServiceResource(statement: st, resource: item))
                    }
                }
            }
        }
        self.statements = statements
        serviceResources = found
    }

    /// The Resource items (not NotResource) of every statement, in order, that may be ARNs of
    /// `service`: a superset of those for which `RoleSupport.arn(_:service:)` is not nil.
    ///
    /// Six rules look for one service's ARNs among every Resource of every statement (10,000
    /// in the managed-policy corpus, a few hundred per service): walking them all, each rule
    /// for itself, was most of those rules. The index sorts them out once, in its own pass.
    func resources(of service: ARNService) -> [ServiceResource] {
        serviceResources.isEmpty ? [] : serviceResources[service.rawValue]
    }

    /// The statements of `resources(of:)`, each once, in order.
    func statements(withResourcesOf service: ARNService) -> [RoleStatement] {
        var out: [RoleStatement] = []
        for r in resources(of: service) where out.last !== r.statement { out.append(r.statement) }
        return out
    }

    /// Statements (Allow and Deny) whose Action/NotAction covers `action`, in order.
    func covering(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.covers(action, key: key) }
    }

    /// Allow statements whose Action/NotAction covers `action`, in order.
    func allows(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.isAllow && $0.covers(action, key: key) }
    }

    /// Whether some Allow statement's Action/NotAction covers `action`: `!allows(action).isEmpty`
    /// without building the list (most roles have none: every statement is looked at anyway).
    func anyAllows(_ action: String) -> Bool {
        let key = ActionKey.query(action)
        return statements.contains { $0.isAllow && $0.covers(action, key: key) }
    }

    /// Statements whose Action (not NotAction) has an item matching `action`, in order.
    func naming(_ action: String) -> [RoleStatement] {
        let key = ActionKey.query(action)
        return statements.filter { $0.hasPlainAction && $0.names(action, key: key) }
    }
}

extension RoleIndex {
    /// A Resource item and its statement.
    struct ServiceResource {
        let statement: RoleStatement
        let resource: Located<String>
    }

    /// The services whose ARNs the role rules look for in Resources.
    enum ARNService: Int, CaseIterable {
        case ssm, logs, kms, s3, secretsmanager

        /// The service prefix of its ARNs.
        var name: String {
            switch self {
            case .ssm: "ssm"
            case .logs: "logs"
            case .kms: "kms"
            case .s3: "s3"
            case .secretsmanager: "secretsmanager"
            }
        }

        /// The names' bytes, in `rawValue` order.
        static let names: [[UInt8]] = allCases.map { Array($0.name.utf8) }

        /// Bit `rawValue` set for each service `text` may be an ARN of: set whenever
        /// `RoleSupport.arn(text, service:)` is not nil, and only when `RoleSupport.mayNameService`
        /// is true. The text's bytes are read once for all services, and most ARNs (other
        /// services) are told apart by the first byte of their service.
        static func candidates(_ text: String) -> UInt8 {
            let fast: UInt8? = text.withUTF8Bytes { t -> UInt8? in
                guard let start = RoleSupport.serviceStart(t) else { return nil }
                guard let start, start < t.count else { return 0 }
                // An ASCII byte no service name starts with: the service part (cut where the
                // bytes up to here say) is none of them.
                let c = t[start]
                if c < 0x80 && c != UInt8(ascii: "s") && c != UInt8(ascii: "l") && c != UInt8(ascii: "k") { return 0 }
                var mask: UInt8 = 0
                for (k, name) in names.enumerated() {
                    let hit = name.withUnsafeBufferPointer { RoleSupport.matchService(t, start, $0) } ?? RoleSupport.containsDelimited(text, allCases[k].name)
                    if hit { mask |= 1 << k }
                }
                return mask
            }
            if let fast { return fast }
            var mask: UInt8 = 0
            for s in allCases where RoleSupport.containsDelimited(text, s.name) { mask |= 1 << s.rawValue }
            return mask
        }
    }

    /// Where a role keeps its index: built by the first rule that asks, shared by the copies of the
    /// role that `LintEngine.run` hands to each rule, and replaced when the identity policies change.
    final class Cache: @unchecked Sendable {
        // @unchecked: `index` is only read and written under `lock`.
        private let lock = NSLock()
        private var index: RoleIndex?

        /// The index of `role` (the role this cache belongs to).
        func index(of role: RoleUnderReview) -> RoleIndex {
            lock.lock(); defer { lock.unlock() }
            if let index { return index }
            let built = RoleIndex(role)
            index = built
            return built
        }
    }
}
