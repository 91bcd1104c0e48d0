/// A policy under evaluation, with the name messages use for it (inline policy name, managed policy
/// ARN or file name).
public struct NamedPolicy: Sendable {
    public var name: String
    public var policy: Policy
    public init(name: String, policy: Policy) { self.name = name; self.policy = policy }
}

/// The three answers IAM can give.
public enum Decision: String, Sendable, Equatable, CaseIterable {
    case allowed
    case implicitDeny
    case explicitDeny
}

/// Points at one statement: the policy, its Sid (if any), its index and its JSON Pointer.
public struct StatementRef: Sendable, Equatable, CustomStringConvertible {
    public var policy: String
    public var sid: String?
    public var index: Int
    public var pointer: String
    public init(policy: String, sid: String?, index: Int, pointer: String) {
        self.policy = policy; self.sid = sid; self.index = index; self.pointer = pointer
    }
    /// `policy.json statement "Sid"` or `policy.json statement 2`.
    public var description: String { "\(policy) " + (sid.map { "statement \"\($0)\"" } ?? "statement \(index)") }
}

/// Why a statement did or did not apply to the request.
public enum StatementMatch: Sendable, Equatable {
    case matched
    /// The action is not covered by Action (or is excluded by NotAction).
    case action(String)
    /// The resource is not covered by Resource (or is excluded by NotResource).
    case resource(String)
    /// Action and resource match, but a condition does not hold.
    case condition(key: String, op: String, pointer: String, reason: String)
    /// The statement cannot apply at all (no Effect, no Action…).
    case invalid(String)

    /// A sentence for output.
    public var text: String {
        switch self {
        case .matched: return "matches"
        case .action(let s), .resource(let s), .invalid(let s): return s
        case .condition(_, _, _, let r): return "condition not met: " + r
        }
    }

    /// `action`, `resource`, `condition`, `invalid` or `matched` (for JSON output).
    public var kind: String {
        switch self {
        case .matched: return "matched"
        case .action: return "action"
        case .resource: return "resource"
        case .condition: return "condition"
        case .invalid: return "invalid"
        }
    }
}

/// One statement's outcome for a request.
public struct StatementOutcome: Sendable, Equatable {
    public var ref: StatementRef
    public var effect: Effect?
    /// Whether it belongs to the permissions boundary rather than an identity policy.
    public var inBoundary: Bool
    public var match: StatementMatch
    public var applies: Bool { match == .matched }
}

/// The evaluator's answer: the decision, the statements that decided it and, for every other
/// statement, why it did not apply.
public struct EvaluationResult: Sendable, Equatable {
    public var request: EvaluationRequest
    public var decision: Decision
    /// The statements that decided: every matching Deny for an explicit deny, every matching identity
    /// Allow for an allow; empty for an implicit deny.
    public var deciding: [StatementRef]
    /// Every statement of every policy, in order.
    public var statements: [StatementOutcome]
    /// The boundary's own verdict, when a boundary was given.
    public var boundaryAllows: Bool?
    /// One sentence explaining the decision.
    public var reason: String

    public var isAllowed: Bool { decision == .allowed }
}
