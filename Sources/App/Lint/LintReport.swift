import ExecRoleKit
import IAMKit

/// Everything one `ecsrole lint` run found, in input order; the formatters only render it.
public struct LintReport: Sendable {
    /// One finding with the context the formatters show beside it.
    public struct Item: Sendable {
        public var finding: Finding
        /// The role it belongs to, for files that hold several (bundles, templates, plans).
        public var role: String?
        public init(finding: Finding, role: String? = nil) { self.finding = finding; self.role = role }
    }

    /// Why a file could not be linted (exit code 2), with where.
    public struct FileError: Sendable, Equatable {
        public var message: String
        public var position: SourcePosition?
        public init(message: String, position: SourcePosition? = nil) { self.message = message; self.position = position }
    }

    /// One input file.
    public struct File: Sendable {
        public var path: String
        /// The input kind (`identity`, `bundle`…), nil when the file could not be read.
        public var kind: String?
        public var items: [Item]
        public var error: FileError?
        /// Whether the findings come from several roles (then text output names the role).
        public var multiRole: Bool
        public init(path: String, kind: String?, items: [Item] = [], error: FileError? = nil, multiRole: Bool = false) {
            self.path = path; self.kind = kind; self.items = items; self.error = error; self.multiRole = multiRole
        }
    }

    /// Metadata of a rule (or loader note) that can appear in results; SARIF lists them.
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var slug: String
        public var severity: Severity
        public var title: String
        public var rationale: String
        public var fix: String
        public init(id: String, slug: String, severity: Severity, title: String, rationale: String, fix: String) {
            self.id = id; self.slug = slug; self.severity = severity; self.title = title; self.rationale = rationale; self.fix = fix
        }
    }

    public var files: [File]
    public var rules: [Rule]
    public init(files: [File], rules: [Rule]) { self.files = files; self.rules = rules }

    /// All findings of all files.
    public var allFindings: [Finding] { files.flatMap { $0.items.map(\.finding) } }

    /// Number of findings per severity, most severe first, zero counts omitted.
    public var bySeverity: [(Severity, Int)] {
        let all = allFindings
        return Severity.allCases.reversed().compactMap { s in
            let n = all.filter { $0.severity == s }.count
            return n > 0 ? (s, n) : nil
        }
    }

    /// Whether any file could not be read.
    public var hasUnreadable: Bool { files.contains { $0.error != nil } }

    /// Whether any finding is at or above `threshold`.
    public func hasFinding(atOrAbove threshold: Severity) -> Bool { allFindings.contains { $0.severity >= threshold } }

    /// The exit code: 2 when any file was unreadable, else 1 when a finding reaches `failOn`, else 0.
    ///
    /// 2 wins over 1 on purpose: a run that could not read all its input has not checked everything,
    /// so CI must not mistake it for an ordinary policy failure (or, with a lax `--fail-on`, a pass).
    public func exitCode(failOn: Severity) -> Int32 {
        if hasUnreadable { return 2 }
        return hasFinding(atOrAbove: failOn) ? 1 : 0
    }
}
