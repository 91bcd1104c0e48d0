import IAMKit

/// Which document of a role a finding's pointer refers to.
public enum RoleDocument: Sendable, Hashable {
    /// `identityPolicies[i]`.
    case identity(Int)
    case trust
    case taskDefinition
    /// The role as a whole (attached managed policies, facts from several documents).
    case role
}

/// A finding together with the document it is in (the engine turns that into a name and a position).
public struct RoleFinding: Sendable {
    public var finding: Finding
    public var document: RoleDocument
    public init(_ finding: Finding, in document: RoleDocument) { self.finding = finding; self.document = document }
}

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

/// The role-level rules, in id order.
public enum RoleRules {
    public static let all: [any RoleRule.Type] = [
        LogStreamARNRule.self, CreateGroupMissingRule.self, SSMARNFormRule.self, SecretRefTailRule.self,
        SecretSuffixRule.self, SSMSecretReferenceRule.self, KMSAliasResourceRule.self, KMSDecryptMissingRule.self,
        AuthTokenScopedRule.self, ConditionKeyAbsentRule.self, WrongRoleRule.self, S3LocationMissingRule.self,
        PolicySizeRule.self, TaskNeedDeniedRule.self, ManagedPolicyBroadRule.self,
        TrustPrincipalRule.self, TrustConfusedDeputyRule.self, TrustClusterARNRule.self,
        ContainerRootUserRule.self, ContainerPrivilegedRule.self, ContainerWritableRootRule.self,
        ContainerCapabilitiesRule.self, PlaintextSecretEnvRule.self, ImageUnpinnedRule.self, SameExecAndTaskRoleRule.self,
    ]
}
