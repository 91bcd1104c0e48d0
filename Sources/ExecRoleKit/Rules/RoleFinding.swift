import IAMKit

/// Which document of a role a finding's pointer refers to.
public enum RoleDocument: Sendable, Hashable {
    /// `identityPolicies[i]`.
    case identity(Int)
    case trust
    case taskDefinition
    /// The role as a whole (attached managed policies, facts from several documents).
    case role
}

/// A finding together with the document it is in (the engine turns that into a name and a position).
public struct RoleFinding: Sendable {
    public var finding: Finding
    public var document: RoleDocument
    public init(_ finding: Finding, in document: RoleDocument) { self.finding = finding; self.document = document }
}
