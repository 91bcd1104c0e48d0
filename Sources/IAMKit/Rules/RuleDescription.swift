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
