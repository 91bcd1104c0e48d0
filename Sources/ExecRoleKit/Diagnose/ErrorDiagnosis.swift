import IAMKit

/// What an ECS / IAM error message says: the role, the missing permission, why it was refused, and
/// the statement that fixes it.
public struct ErrorDiagnosis: Sendable, Equatable {
    /// The ECS failure family the message belongs to.
    public enum Category: String, Sendable, Equatable {
        case cannotPullContainer = "CannotPullContainerError"
        case resourceInitialization = "ResourceInitializationError"
        case loggingDriver = "CannotStartContainerError"
        case accessDenied = "AccessDenied"
        case unknown
    }

    /// Why IAM refused, as the message's tail says.
    public enum Denial: String, Sendable, Equatable {
        /// "because no identity-based policy allows": add an Allow.
        case noIdentityPolicy
        /// "because no permissions boundary allows".
        case noBoundary
        /// "because no service control policy allows".
        case noSCP
        /// "because no resource-based policy allows" (key policy, repository policy…).
        case noResourcePolicy
        case explicitDenyIdentity
        case explicitDenyBoundary
        case explicitDenySCP
        case explicitDenyResource
        case explicitDenySession
        /// "with an explicit deny" without saying where (older messages).
        case explicitDeny
        /// AccessDenied without a reason (older messages): usually no Allow.
        case unspecified

        /// Whether adding an Allow to the role can fix it.
        public var fixableByAllow: Bool { self == .noIdentityPolicy || self == .unspecified }

        /// A sentence for output.
        public var text: String {
            switch self {
            case .noIdentityPolicy: return "no identity-based policy of the role allows it (implicit deny): add an Allow"
            case .noBoundary: return "the role's permissions boundary does not allow it: the boundary must allow it too"
            case .noSCP: return "no service control policy allows it: an AWS Organizations administrator must allow it"
            case .noResourcePolicy: return "the resource's own policy (key policy, repository policy) does not allow the role"
            case .explicitDenyIdentity: return "a Deny statement in one of the role's policies refuses it: adding an Allow will not help; narrow or remove the Deny"
            case .explicitDenyBoundary: return "a Deny in the permissions boundary refuses it: change the boundary"
            case .explicitDenySCP: return "a Deny in a service control policy refuses it: only an AWS Organizations administrator can lift it; adding an Allow will not help"
            case .explicitDenyResource: return "a Deny in the resource's policy refuses it: change that resource policy"
            case .explicitDenySession: return "a Deny in the session policy refuses it"
            case .explicitDeny: return "an explicit Deny refuses it: adding an Allow will not help; find the Deny (identity policy, boundary, SCP or resource policy)"
            case .unspecified: return "access denied; most often no policy of the role allows it"
            }
        }
    }

    public var category: Category
    /// The principal the message names (an assumed-role session ARN).
    public var principal: String?
    /// The role behind the session, and its ARN.
    public var roleName: String?
    public var roleARN: String?
    /// The refused action; `actionInferred` when the message does not name it (KMS, logging driver).
    public var action: String?
    public var actionInferred: Bool
    /// The resource the request named, as written in the message.
    public var resource: String?
    public var denial: Denial?
    /// Set when the failure is not a permission problem (timeouts, DNS): the fix is the network.
    public var networkProblem: String?
    /// Sentences explaining the failure and the fix.
    public var explanation: [String]
    /// The statement to add (nil when an Allow cannot fix it, or nothing was recognised).
    public var fix: JSON?

    /// Whether anything was recognised.
    public var recognised: Bool { action != nil || networkProblem != nil }

    public init(category: Category) {
        self.category = category; actionInferred = false; explanation = []
    }
}
