/// What a generic rule knows about the policy it checks besides the model.
public struct PolicyContext: Sendable {
    /// The policy's name for messages.
    public var name: String
    /// The parsed document the policy's pointers refer to (for duplicate keys and size).
    public var document: JSONDocument?
    /// Set for AWS managed policies.
    public var managedARN: String?

    /// Answers several rules share for this policy, computed by the first that asks. One context
    /// belongs to one policy: build a new one for each.
    let memo = PolicyMemo()

    public init(name: String = "policy", document: JSONDocument? = nil, managedARN: String? = nil) {
        self.name = name; self.document = document; self.managedARN = managedARN
    }
}

/// A generic IAM rule: looks at one policy at a time, knows nothing about ECS.
///
/// One type per rule (SwiftLint/ruff style). Rules are stateless, so everything is static.
public protocol PolicyRule: Sendable {
    static var description: RuleDescription { get }
    /// The policy kinds the rule applies to.
    static var kinds: Set<PolicyKind> { get }
    /// Findings for one policy; pointers are relative to the policy's document.
    static func check(policy: Policy, context: PolicyContext) -> [Finding]
}
