/// Everything a rule tells a reader about itself: the text `ecsrole rules`, `explain` and the
/// generated reference print, and the examples the parameterised test runs.
public struct RuleDescription: Sendable {
    /// Stable id (`IAM001`, `ER001`…): never reused, never renumbered.
    public var id: String
    /// Stable slug (`log-stream-arn`): part of the public interface (`--ignore`, `explain`).
    public var slug: String
    /// Default severity; a rule may raise or lower it for a specific case (documented in `rationale`).
    public var severity: Severity
    public var title: String
    /// Why the rule exists and why it has its severity.
    public var rationale: String
    /// The general fix (each finding carries a case-specific one).
    public var fix: String
    /// Triggering and non-triggering documents; they double as tests.
    public var examples: [RuleExample]

    public init(id: String, slug: String, severity: Severity, title: String, rationale: String, fix: String, examples: [RuleExample]) {
        self.id = id; self.slug = slug; self.severity = severity; self.title = title
        self.rationale = rationale; self.fix = fix; self.examples = examples
    }

    /// A finding of this rule with its metadata filled in (position and document are the engine's job).
    public func finding(_ message: String, fix: String? = nil, at pointer: String, severity: Severity? = nil) -> Finding {
        Finding(rule: id, slug: slug, severity: severity ?? self.severity, title: title, message: message,
                fix: fix ?? self.fix, pointer: pointer)
    }
}

/// One example of a rule: a set of documents and whether the rule must fire on them.
public struct RuleExample: Sendable {
    /// What a document of an example is.
    public enum Kind: String, Sendable {
        /// An identity (permissions) policy of the role.
        case identity
        /// The role's trust policy.
        case trust
        /// A resource policy (only generic IAM rules look at these).
        case resource
        /// An ECS task definition (RegisterTaskDefinition input).
        case taskDefinition
        /// One ARN of an attached managed policy per document.
        case attachedPolicy
    }

    /// One document of the example.
    public struct Document: Sendable {
        public var kind: Kind
        public var text: String
        public init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
    }

    public var triggers: Bool
    public var documents: [Document]
    /// What the example shows, for the reference doc.
    public var note: String?

    public init(triggers: Bool, documents: [Document], note: String? = nil) {
        self.triggers = triggers; self.documents = documents; self.note = note
    }

    /// An example the rule must fire on.
    public static func triggering(_ text: String, kind: Kind = .identity, _ more: Document..., note: String? = nil) -> RuleExample {
        RuleExample(triggers: true, documents: [Document(kind, text)] + more, note: note)
    }

    /// An example the rule must stay quiet on.
    public static func passing(_ text: String, kind: Kind = .identity, _ more: Document..., note: String? = nil) -> RuleExample {
        RuleExample(triggers: false, documents: [Document(kind, text)] + more, note: note)
    }
}

/// What a generic rule knows about the policy it checks besides the model.
public struct PolicyContext: Sendable {
    /// The policy's name for messages.
    public var name: String
    /// The parsed document the policy's pointers refer to (for duplicate keys and size).
    public var document: JSONDocument?
    /// Set for AWS managed policies.
    public var managedARN: String?

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

/// The generic rules, in id order.
public enum PolicyRules {
    public static let all: [any PolicyRule.Type] = [
        GrammarRule.self, DuplicateSidRule.self, UnknownActionRule.self, UnknownServiceRule.self,
        WildcardActionRule.self, WildcardResourceRule.self, NotActionAllowRule.self, NotResourceAllowRule.self,
        PrivilegeEscalationRule.self, DataExfiltrationRule.self, ResourceExposureRule.self,
        CredentialsExposureRule.self, InfrastructureModificationRule.self, ResourceMismatchRule.self,
        UnknownConditionKeyRule.self, RedundantStatementRule.self,
    ]

    /// Runs every applicable rule on a policy (no filtering, no positions).
    public static func run(_ policy: Policy, context: PolicyContext = PolicyContext()) -> [Finding] {
        all.filter { $0.kinds.contains(policy.kind) }.flatMap { $0.check(policy: policy, context: context) }
    }
}
