import IAMKit

/// What a loader read from one file: the roles to lint, plus problems met while reading that are not
/// rule findings (a policy string that is not JSON, a value only known after `terraform apply`).
public struct LoadedInput: Sendable {
    public var kind: InputKind
    public var roles: [RoleUnderReview]
    public var notes: [InputNote]
    public init(kind: InputKind, roles: [RoleUnderReview] = [], notes: [InputNote] = []) {
        self.kind = kind; self.roles = roles; self.notes = notes
    }
}

/// A problem met while reading an input, pinned to its place in the file.
///
/// The CLI reports notes like findings, under their own slugs (`InputNote.Kind.rawValue`), so
/// `--only` / `--ignore` and the output formats treat them the same way.
public struct InputNote: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A policy document (usually an encoded string) that cannot be read: IAM would reject it too.
        case unreadablePolicy = "unreadable-policy"
        /// A value the input does not know (Terraform "known after apply", a CloudFormation intrinsic
        /// that stands for a whole document): that part is not linted.
        case unknownValue = "unknown-value"

        /// Stable id, in the style of rule ids but in their own `IN` range so they never collide.
        public var id: String { self == .unreadablePolicy ? "IN001" : "IN002" }
        public var severity: Severity { self == .unreadablePolicy ? .high : .info }
        public var title: String {
            self == .unreadablePolicy ? "Policy document cannot be read" : "Value not known until deployment"
        }
        public var rationale: String {
            self == .unreadablePolicy
                ? "IAM rejects a policy document that is not valid JSON; nothing in it can be checked."
                : "Only values known in the file can be checked; an unknown policy or ARN may grant anything."
        }
        public var fix: String {
            self == .unreadablePolicy
                ? "Make the document valid JSON (check the quoting and URL encoding)."
                : "Lint the rendered output (terraform show -json after apply, or the deployed role) to check this value."
        }
    }

    public var kind: Kind
    public var message: String
    public var pointer: String
    public var position: SourcePosition
    public init(_ kind: Kind, _ message: String, pointer: String, position: SourcePosition) {
        self.kind = kind; self.message = message; self.pointer = pointer; self.position = position
    }

    /// The note as a finding, for the formatters.
    public var finding: Finding {
        Finding(rule: kind.id, slug: kind.rawValue, severity: kind.severity, title: kind.title, message: message,
                fix: kind.fix, pointer: pointer, position: position)
    }
}
