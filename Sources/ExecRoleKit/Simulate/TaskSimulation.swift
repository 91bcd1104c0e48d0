import Foundation
import IAMKit

/// The verdict on one agent call: the request that decided and IAM's answer.
public struct SimulatedCall: Sendable {
    public var call: AgentCall
    /// The result for the request shown (the first allowed candidate, else the primary request).
    public var result: EvaluationResult
    public var allowed: Bool { result.decision == .allowed }
}

/// Whether a task would start with an execution role, call by call.
public struct TaskSimulation: Sendable {
    public var calls: [SimulatedCall]
    /// True when every call is allowed.
    public var wouldStart: Bool { calls.allSatisfy(\.allowed) }
    /// The first call the agent would be refused: the one whose error the user sees.
    public var firstDenied: SimulatedCall? { calls.first { !$0.allowed } }
    /// Things the simulation cannot see (resource policies, key policies), worth saying once.
    public var notes: [String]

    /// Simulates every call of a spec against identity policies and an optional boundary.
    public static func run(_ spec: RoleSpec, identity: [NamedPolicy], boundary: NamedPolicy? = nil,
                           network: AgentNetwork = AgentNetwork(), currentTime: String = "2026-01-01T00:00:00Z") -> TaskSimulation {
        let calls = AgentCalls.build(spec, network: network, currentTime: currentTime)
        var out: [SimulatedCall] = []
        for c in calls {
            let results = c.requests.map { PolicyEvaluator.evaluate($0, identity: identity, boundary: boundary) }
            // An explicit deny on any candidate is real; otherwise any allowed candidate will do.
            let chosen = results.first { $0.decision == .explicitDeny } ?? results.first { $0.decision == .allowed } ?? results[0]
            out.append(SimulatedCall(call: c, result: chosen))
        }
        var notes: [String] = []
        if let acct = spec.account, spec.repositories.contains(where: { ARN($0.arn)?.account != acct }) {
            notes.append("cross-account ECR repositories: their repository policies must also allow this role (not simulated)")
        }
        if !Requirements.effectiveKeys(spec).isEmpty {
            notes.append("customer managed KMS keys: each key policy must also allow this role (not simulated)")
        }
        return TaskSimulation(calls: out, notes: notes)
    }

    /// The statements that make every implicitly denied call pass, one per purpose (the first
    /// denied call's purpose first), shaped as the generator writes them. Explicit denies are left
    /// out: an Allow cannot beat them.
    public var fixStatements: [JSON] {
        let denied = calls.filter { $0.result.decision == .implicitDeny }
        var purposes: [Requirement.Purpose] = []
        for c in denied where !purposes.contains(c.call.requirement.purpose) { purposes.append(c.call.requirement.purpose) }
        return purposes.map { p in Self.fixStatement(for: denied.filter { $0.call.requirement.purpose == p }.map(\.call)) }
    }

    /// One statement covering `calls` (which share a purpose).
    public static func fixStatement(for calls: [AgentCall]) -> JSON {
        guard let first = calls.first else { return .null }
        let r = first.requirement
        var cond: JSON?
        if let via = r.context["kms:ViaService"] {
            cond = .obj([("StringEquals", .obj([("kms:ViaService", .string(via))]))])
        } else if r.purpose != .ecrAuth, let vpce = first.request.context["aws:SourceVpce"]?.first {
            cond = .obj([("StringEquals", .obj([("aws:SourceVpce", .string(vpce))]))])
        }
        return PolicyGenerator.statement(sid: r.purpose.sid, actions: PolicyGenerator.unique(calls.map(\.requirement.action)),
                                         resources: PolicyGenerator.unique(calls.map(\.requirement.resource)), condition: cond)
    }

    /// The ECS error the user would see for a denied call, with the role session and IAM's reason in it.
    public static func failureMessage(for call: SimulatedCall, spec: RoleSpec) -> String {
        let r = call.call.requirement
        let why: String
        switch call.result.decision {
        case .explicitDeny: why = " with an explicit deny in an identity-based policy"
        case .implicitDeny where call.result.boundaryAllows == false && call.result.reason.contains("boundary"):
            why = " because no permissions boundary allows the \(r.action) action"
        default: why = " because no identity-based policy allows the \(r.action) action"
        }
        var msg = r.failureMessage
            .replacingOccurrences(of: "arn:…:assumed-role/…", with: AgentCalls.sessionARN(spec))
            .replacingOccurrences(of: "AccessDeniedException: … is not authorized", with: "AccessDeniedException: User: \(AgentCalls.sessionARN(spec)) is not authorized")
            .replacingOccurrences(of: "on resource: \(r.resource)", with: "on resource: \(call.result.request.resource)\(why)")
        if r.purpose == .kms { msg += " (\(call.result.reason))" }
        return msg
    }
}
