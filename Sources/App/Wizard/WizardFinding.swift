import ExecRoleKit

/// One note about the role being built, shown in the findings pane.
public struct WizardFinding: Equatable, Sendable {
    public enum Severity: Int, Sendable, Comparable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }
    public var severity: Severity
    /// Stable id (a rule slug once the lint engine is plugged in).
    public var slug: String
    public var message: String
    /// What to do about it.
    public var fix: String?
    /// The step where it can be fixed (selecting the finding jumps there).
    public var step: WizardStep?
    public init(_ severity: Severity, _ slug: String, _ message: String, fix: String? = nil, step: WizardStep? = nil) {
        self.severity = severity; self.slug = slug; self.message = message; self.fix = fix; self.step = step
    }
}

/// Produces the findings pane's content for the current spec and files.
///
/// The wizard ships with `GeneratorNotes`; the lead plugs the lint engine in (branch `rules`,
/// `LintEngine.run(RoleUnderReview)`) by conforming an adapter to this protocol and passing it to
/// `WizardProgram`. Must be pure and fast: it runs after every change.
public protocol WizardFindingsSource: Sendable {
    func findings(spec: RoleSpec, output: WizardOutput) -> [WizardFinding]
}
