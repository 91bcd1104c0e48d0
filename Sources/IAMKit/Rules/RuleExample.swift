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
