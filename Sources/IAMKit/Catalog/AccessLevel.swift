/// The access level AWS's Service Authorization Reference assigns to an action.
///
/// Cloudsplaining-style risk rules key off these: "permissions management" actions change who can
/// do what (resource policies, IAM), so they are the resource-exposure set.
public enum AccessLevel: String, Sendable, CaseIterable, Comparable {
    case list
    case read
    case write
    case permissionsManagement
    case tagging

    /// The wording used by the AWS documentation ("Permissions management").
    public var displayName: String {
        switch self {
        case .list: return "List"
        case .read: return "Read"
        case .write: return "Write"
        case .permissionsManagement: return "Permissions management"
        case .tagging: return "Tagging"
        }
    }

    /// The one-letter code used in the generated catalog text (L, R, W, P, T).
    init?(code: UInt8) {
        switch code {
        case UInt8(ascii: "L"): self = .list
        case UInt8(ascii: "R"): self = .read
        case UInt8(ascii: "W"): self = .write
        case UInt8(ascii: "P"): self = .permissionsManagement
        case UInt8(ascii: "T"): self = .tagging
        default: return nil
        }
    }

    /// Ordered by how much harm the level can do, least first (list < read < tagging < write < permissions).
    private var rank: Int {
        switch self {
        case .list: return 0
        case .read: return 1
        case .tagging: return 2
        case .write: return 3
        case .permissionsManagement: return 4
        }
    }

    /// Orders by potential harm (see `rank`).
    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rank < rhs.rank }
}
