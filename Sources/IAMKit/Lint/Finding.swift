/// How bad a finding is. Ordered, so `--fail-on high` means "high or critical".
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case info, low, medium, high, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in a policy, a trust policy or a task definition, pinned to its place.
public struct Finding: Sendable, Equatable {
    /// Stable rule id (`ER001`…, never reused).
    public var rule: String
    /// Stable rule slug (`log-stream-arn`): part of the public interface.
    public var slug: String
    public var severity: Severity
    /// The rule's title.
    public var title: String
    /// What is wrong in this case, specifically.
    public var message: String
    /// How to fix this case.
    public var fix: String
    /// JSON Pointer of the offending value in its document.
    public var pointer: String
    /// Line and column, when the document's text is known.
    public var position: SourcePosition?
    /// Which document of a role the finding is in (policy name, `trust`, `taskdef`), when several.
    public var document: String?

    public init(rule: String, slug: String, severity: Severity, title: String, message: String, fix: String,
                pointer: String, position: SourcePosition? = nil, document: String? = nil) {
        self.rule = rule; self.slug = slug; self.severity = severity; self.title = title
        self.message = message; self.fix = fix; self.pointer = pointer; self.position = position; self.document = document
    }
}
