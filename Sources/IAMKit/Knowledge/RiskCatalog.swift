import Foundation

/// Hand-written security knowledge for the generic risk rules: which actions escalate privileges,
/// exfiltrate data, expose resources or credentials, or modify infrastructure — each with a
/// one-line reason — and which actions belong on a task role rather than an execution role.
///
/// The tables live in the `RiskCatalog+*.swift` extensions; this file holds the queries.
public enum RiskCatalog {
    /// Every risk category `action` falls into, with the reason for each.
    ///
    /// Privilege escalation names the method (and its partner actions when it needs several);
    /// resource exposure covers every permissions-management action (Cloudsplaining's definition);
    /// infrastructure modification covers the explicit rows and every Write action of
    /// `infrastructureServices`.
    public static func categories(for action: ActionInfo) -> [RiskCategory: String] {
        let name = action.fullName
        // Lower-cased once for the six table lookups below.
        let lower = name.lowercased()
        var result: [RiskCategory: String] = [:]
        let paths = escalationIndex.paths(lower: lower)
        if !paths.isEmpty {
            let sorted = paths.sorted { $0.actions.count < $1.actions.count }
            if let solo = sorted.first(where: { $0.actions.count == 1 }) {
                result[.privilegeEscalation] = "\(solo.name): \(solo.why)"
            } else if let combo = sorted.first {
                let partners = combo.actions.filter { $0.caseInsensitiveCompare(name) != .orderedSame }
                result[.privilegeEscalation] = "\(combo.name) (with \(partners.joined(separator: ", "))): \(combo.why)"
            }
        }
        if let e = dataExfiltrationIndex.first(lower: lower) { result[.dataExfiltration] = e.why }
        if let e = resourceExposureIndex.first(lower: lower) {
            result[.resourceExposure] = e.why
        } else if action.accessLevel == .permissionsManagement {
            result[.resourceExposure] = "permissions-management action: changes who may access a resource"
        }
        if let e = credentialsExposureIndex.first(lower: lower) { result[.credentialsExposure] = e.why }
        if let e = infrastructureModificationIndex.first(lower: lower) {
            result[.infrastructureModification] = e.why
        } else if action.accessLevel == .write, let why = infrastructureServices[action.service.lowercased()] {
            result[.infrastructureModification] = why
        }
        return result
    }

    /// False when `categories(for:)` is certainly empty: the action's service is named by no table
    /// row and no escalation method, and its access level adds no category. Most of the 20,455
    /// actions `*` grants are answered here without building their names.
    static func mayHaveCategories(_ action: ActionInfo) -> Bool {
        if action.accessLevel == .permissionsManagement { return true }
        let service = action.service.lowercased()
        if action.accessLevel == .write && infrastructureServices[service] != nil { return true }
        return riskServices.contains(service)
    }

    /// Lower-cased service prefixes of every risk-table row and escalation-method action.
    private static let riskServices: Set<String> = Set(
        (escalationPaths.flatMap(\.actions) + [dataExfiltration, resourceExposure, credentialsExposure, infrastructureModification]
            .flatMap { $0.map(\.pattern) })
            .map { p in String(p.lowercased().prefix { $0 != ":" }) })

    /// The escalation methods that use `action` (single-action methods first).
    public static func escalationPaths(involving action: ActionInfo) -> [EscalationPath] {
        escalationIndex.paths(involving: action.fullName)
            .sorted { $0.actions.count < $1.actions.count }
    }

    /// The escalation methods fully enabled by a set of granted actions (every action of the method
    /// is granted). Callers expand wildcards first, e.g. with `ActionCatalog.expand(_:)`.
    public static func escalationPaths(enabledBy granted: [ActionInfo]) -> [EscalationPath] {
        let names = Set(granted.map { $0.fullName.lowercased() })
        return escalationPaths.filter { path in path.actions.allSatisfy { names.contains($0.lowercased()) } }
    }

    /// Why `action` belongs on a task role rather than the execution role, or nil when it does not
    /// look like an application permission.
    public static func applicationUse(of action: ActionInfo) -> String? {
        applicationIndex.first(action.fullName)?.why
    }

    /// Every action name or pattern the tables mention (for consistency tests against the catalog).
    public static var allPatterns: [String] {
        escalationPaths.flatMap(\.actions)
            + [dataExfiltration, resourceExposure, credentialsExposure, infrastructureModification, applicationActions]
                .flatMap { $0.map(\.pattern) }
    }

    // Indexed once per process (see RiskIndex): same answers as scanning the tables in order.
    private static let escalationIndex = EscalationIndex(escalationPaths)
    private static let applicationIndex = RiskIndex(applicationActions)
    private static let dataExfiltrationIndex = RiskIndex(dataExfiltration)
    private static let resourceExposureIndex = RiskIndex(resourceExposure)
    private static let credentialsExposureIndex = RiskIndex(credentialsExposure)
    private static let infrastructureModificationIndex = RiskIndex(infrastructureModification)
}
