import Foundation

/// The general risk families a permission can fall into (Cloudsplaining's vocabulary).
public enum RiskCategory: String, Sendable, CaseIterable, Hashable {
    /// The principal can give itself (or a principal it controls) more permissions.
    case privilegeEscalation
    /// The principal can read sensitive data out of the account.
    case dataExfiltration
    /// The principal can change who else may access a resource (resource policies, grants, ACLs).
    case resourceExposure
    /// The principal can obtain credentials, tokens or passwords.
    case credentialsExposure
    /// The principal can create, change or destroy compute, network or deployment infrastructure.
    case infrastructureModification

    /// The position in `allCases` (for per-category arrays).
    var index: Int {
        switch self {
        case .privilegeEscalation: return 0
        case .dataExfiltration: return 1
        case .resourceExposure: return 2
        case .credentialsExposure: return 3
        case .infrastructureModification: return 4
        }
    }

    /// A short human title.
    public var title: String {
        switch self {
        case .privilegeEscalation: return "Privilege escalation"
        case .dataExfiltration: return "Data exfiltration"
        case .resourceExposure: return "Resource exposure"
        case .credentialsExposure: return "Credentials exposure"
        case .infrastructureModification: return "Infrastructure modification"
        }
    }
}

/// One hand-written table row: a case-insensitive glob over `service:Action` plus why it matters.
public struct RiskEntry: Sendable, Hashable {
    /// `service:Action` or a glob such as `ec2:Run*`.
    public let pattern: String
    /// One line on why the action is risky (or, for application actions, why it belongs on the task role).
    public let why: String

    /// A row matching `pattern` (`service:Action` or a glob), with its reason.
    public init(_ pattern: String, _ why: String) {
        self.pattern = pattern
        self.why = why
    }

    /// Whether `fullName` (`service:Action`) matches the pattern, ignoring case.
    public func matches(_ fullName: String) -> Bool {
        Glob.hasWildcard(pattern) ? Glob.matches(pattern, fullName, caseInsensitive: true)
                                  : pattern.caseInsensitiveCompare(fullName) == .orderedSame
    }
}

/// A known privilege-escalation method: holding ALL of `actions` is enough (Rhino Security Labs'
/// research as catalogued by Cloudsplaining, plus ECS-specific variants).
public struct EscalationPath: Sendable, Hashable {
    /// A stable CamelCase name, e.g. `CreateEC2WithExistingIP`.
    public let name: String
    /// Every action the method needs (`service:Action`, canonical case).
    public let actions: [String]
    /// One line on how the method works.
    public let why: String

    /// A method called `name` that needs every one of `actions`.
    public init(_ name: String, _ actions: [String], _ why: String) {
        self.name = name
        self.actions = actions
        self.why = why
    }
}
