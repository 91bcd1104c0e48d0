import IAMKit

/// A rule that looks at a whole role: execution-role traps, the trust policy, the task definition.
///
/// One type per rule; stateless, so everything is static. Examples may combine an identity policy,
/// a trust policy, a task definition and attached managed-policy ARNs.
public protocol RoleRule: Sendable {
    static var description: RuleDescription { get }
    /// Slugs of generic findings this rule explains better: when both fire on the same statement of
    /// the same policy, the engine keeps only this rule's finding (log-stream-arn over resource-mismatch).
    static var supersedes: Set<String> { get }
    static func check(_ role: RoleUnderReview) -> [RoleFinding]
}

extension RoleRule {
    public static var supersedes: Set<String> { [] }
}
