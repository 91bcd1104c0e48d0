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
    /// How the policy is stored on the role; decides which size limit applies.
    public var storage: Storage

    /// Where a policy lives; IAM's size limits differ.
    public enum Storage: String, Sendable {
        /// An inline policy: all inline policies of a role share 10,240 characters.
        case inline
        /// A customer managed policy: 6,144 characters each.
        case managed
        /// Not known (a bare policy file): checked against the stricter managed limit.
        case unknown
    }

    public init(name: String, policy: Policy, document: JSONDocument? = nil, managedARN: String? = nil, storage: Storage = .unknown) {
        self.name = name; self.policy = policy; self.document = document; self.managedARN = managedARN; self.storage = storage
    }

    /// Line and column of a pointer, when the document is known.
    public func position(of pointer: String) -> SourcePosition? {
        document.map { $0.position(of: pointer) }
    }
}

/// Everything known about one role under review: the unit rules run on.
///
/// Lint builds one from each input (a bare policy file is a role with one identity policy), review
/// mode from a live role, the wizard from its generated policies.
public struct RoleUnderReview: Sendable {
    public var name: String?
    public var identityPolicies: [PolicySource] {
        // A fresh cache, not a cleared one: copies of the role made before the change keep theirs.
        didSet { indexCache = RoleIndex.Cache() }
    }
    public var trustPolicy: PolicySource?
    /// ARNs of attached managed policies (AWS managed or customer managed), with where they are listed.
    public var attachedManagedPolicies: [Located<String>]
    /// The task definition the role serves, when given (`--taskdef`): enables `task-need-denied`.
    public var taskDefinition: TaskDefinition?
    /// Whether the role is (believed to be) an ECS task execution role: execution-role rules apply.
    public var isExecutionRole: Bool
    /// What the task definition does not say (account, region, the customer managed keys that encrypt
    /// its secrets: `--account`, `--region`, `--kms-key`), used to compute the task's needs.
    public var taskContext: SpecBuilder.Context
    /// The statement index the role rules share (`index`).
    private var indexCache = RoleIndex.Cache()

    /// The identity policies' statements, indexed by the services their actions name; built on
    /// first use and kept while the identity policies stay the same.
    var index: RoleIndex { indexCache.index(of: self) }

    public init(name: String? = nil, identityPolicies: [PolicySource] = [], trustPolicy: PolicySource? = nil,
                attachedManagedPolicies: [Located<String>] = [], taskDefinition: TaskDefinition? = nil, isExecutionRole: Bool = true,
                taskContext: SpecBuilder.Context = SpecBuilder.Context()) {
        self.name = name; self.identityPolicies = identityPolicies; self.trustPolicy = trustPolicy
        self.attachedManagedPolicies = attachedManagedPolicies; self.taskDefinition = taskDefinition; self.isExecutionRole = isExecutionRole
        self.taskContext = taskContext
    }
}
