import IAMKit

/// A policy document as read from some input, with what is needed to pin findings to lines.
public struct PolicySource: Sendable {
    /// A name for messages: the inline policy name, managed policy ARN, or file name.
    public var name: String
    public var policy: Policy
    /// The document the policy's pointers refer to (may be a bigger file: a bundle, a template).
    public var document: JSONDocument?
    /// Set when the policy is an AWS managed policy (`arn:aws:iam::aws:policy/…`).
    public var managedARN: String?

    public init(name: String, policy: Policy, document: JSONDocument? = nil, managedARN: String? = nil) {
        self.name = name; self.policy = policy; self.document = document; self.managedARN = managedARN
    }

    /// Line and column of a pointer, when the document is known.
    public func position(of pointer: String) -> SourcePosition? { document?.position(of: pointer) }
}

/// Everything known about one role under review: the unit rules run on.
///
/// Lint builds one from each input (a bare policy file is a role with one identity policy), review
/// mode from a live role, the wizard from its generated policies.
public struct RoleUnderReview: Sendable {
    public var name: String?
    public var identityPolicies: [PolicySource]
    public var trustPolicy: PolicySource?
    /// ARNs of attached managed policies (AWS managed or customer managed), with where they are listed.
    public var attachedManagedPolicies: [Located<String>]
    /// The task definition the role serves, when given (`--taskdef`): enables `task-need-denied`.
    public var taskDefinition: TaskDefinition?
    /// Whether the role is (believed to be) an ECS task execution role: execution-role rules apply.
    public var isExecutionRole: Bool

    public init(name: String? = nil, identityPolicies: [PolicySource] = [], trustPolicy: PolicySource? = nil,
                attachedManagedPolicies: [Located<String>] = [], taskDefinition: TaskDefinition? = nil, isExecutionRole: Bool = true) {
        self.name = name; self.identityPolicies = identityPolicies; self.trustPolicy = trustPolicy
        self.attachedManagedPolicies = attachedManagedPolicies; self.taskDefinition = taskDefinition; self.isExecutionRole = isExecutionRole
    }
}
