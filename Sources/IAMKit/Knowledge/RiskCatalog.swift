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
        var result: [RiskCategory: String] = [:]
        for (category, why) in zip(RiskCategory.allCases, reasons(for: action)) { if let why { result[category] = why } }
        return result
    }

    /// `categories(for:)` as one optional reason per category, by `RiskCategory.index`: the risk
    /// tables ask this of thousands of actions, and a dictionary per action (its allocation and
    /// the hashing of every insert) was a fifth of the answer.
    static func reasons(for action: ActionInfo) -> [String?] {
        let name = action.fullName
        // Lower-cased once for the six table lookups below.
        let lower = name.lowercased()
        // The service part of `lower` (a prefix has no colon, and lower-casing adds none).
        let service = action.service.lowercased()
        var result = [String?](repeating: nil, count: RiskCategory.allCases.count)
        let paths = escalationIndex.paths(lower: lower)
        if !paths.isEmpty {
            let sorted = paths.sorted { $0.actions.count < $1.actions.count }
            if let solo = sorted.first(where: { $0.actions.count == 1 }) {
                result[RiskCategory.privilegeEscalation.index] = "\(solo.name): \(solo.why)"
            } else if let combo = sorted.first {
                let partners = combo.actions.filter { $0.caseInsensitiveCompare(name) != .orderedSame }
                result[RiskCategory.privilegeEscalation.index] = "\(combo.name) (with \(partners.joined(separator: ", "))): \(combo.why)"
            }
        }
        if let e = dataExfiltrationIndex.first(lower: lower, service: service) { result[RiskCategory.dataExfiltration.index] = e.why }
        if let e = resourceExposureIndex.first(lower: lower, service: service) {
            result[RiskCategory.resourceExposure.index] = e.why
        } else if action.accessLevel == .permissionsManagement {
            result[RiskCategory.resourceExposure.index] = "permissions-management action: changes who may access a resource"
        }
        if let e = credentialsExposureIndex.first(lower: lower, service: service) { result[RiskCategory.credentialsExposure.index] = e.why }
        if let e = infrastructureModificationIndex.first(lower: lower, service: service) {
            result[RiskCategory.infrastructureModification.index] = e.why
        } else if action.accessLevel == .write, let why = infrastructureServices[service] {
            result[RiskCategory.infrastructureModification.index] = why
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
    private static let riskServices: Set<String> = Set(riskPatterns.map { p in String(p.prefix { $0 != ":" }) })

    /// Every risk-table row's pattern and escalation-method action, lower-cased.
    private static let riskPatterns: [String] =
        (escalationPaths.flatMap(\.actions) + [dataExfiltration, resourceExposure, credentialsExposure, infrastructureModification]
            .flatMap { $0.map(\.pattern) }).map { $0.lowercased() }

    /// The rows and actions without a wildcard: a name outside this set and outside every glob's
    /// service has no category but those of its access level.
    private static let riskNames: Set<String> = Set(riskPatterns.filter { !Glob.hasWildcard($0) })

    /// Services with a glob row, or nil when a glob's service part is itself a wildcard (then
    /// every service may match one).
    private static let globServices: Set<String>? = {
        var out = Set<String>()
        for p in riskPatterns where Glob.hasWildcard(p) {
            let service = String(p.prefix { $0 != ":" })
            if Glob.hasWildcard(service) || !p.contains(":") { return nil }
            out.insert(service)
        }
        return out
    }()

    /// What `mayHaveCategories(_:_:)` needs of a service, found once per service.
    struct ServiceRisk: Sendable {
        /// Some row or escalation method names the service.
        let named: Bool
        /// Some glob row may match the service's actions.
        let globs: Bool
        /// The service is in `infrastructureServices`.
        let infrastructure: Bool
    }

    /// `prefix`'s `ServiceRisk`.
    static func serviceRisk(_ prefix: String) -> ServiceRisk {
        let s = prefix.lowercased()
        return ServiceRisk(named: riskServices.contains(s), globs: globServices?.contains(s) ?? true,
                           infrastructure: infrastructureServices[s] != nil)
    }

    /// `mayHaveCategories(action)` narrowed by name: in a service the tables name, an action that
    /// no exact row or method names and no glob could match has only its access level's
    /// categories. The risk tables are built per service (`ActionRisk`): most actions of the
    /// services they name (ec2, s3, iam…) are answered here with one set lookup instead of the
    /// six table lookups of `categories(for:)`.
    static func mayHaveCategories(_ action: ActionInfo, _ service: ServiceRisk) -> Bool {
        if action.accessLevel == .permissionsManagement { return true }
        if action.accessLevel == .write && service.infrastructure { return true }
        guard service.named else { return false }
        if service.globs { return true }
        // Most actions of a named service are named by no row: told from a hash of the name's
        // lower-cased bytes, without building `fullName` and its lower-cased copy (two
        // allocations per action of ec2, s3, iam… when their risk tables are built).
        if let h = lowerNameHash(action), !riskNameHashes.contains(h) { return false }
        return riskNames.contains(action.fullName.lowercased())
    }

    /// `mayHaveCategories(_:_:)` by its definition (the name looked up as a lower-cased string).
    static func mayHaveCategoriesByDefinition(_ action: ActionInfo, _ service: ServiceRisk) -> Bool {
        if action.accessLevel == .permissionsManagement { return true }
        if action.accessLevel == .write && service.infrastructure { return true }
        guard service.named else { return false }
        return service.globs || riskNames.contains(action.fullName.lowercased())
    }

    /// FNV-1a of `service:name` lower-cased, for ASCII names (all of AWS's); nil otherwise.
    static func lowerNameHash(_ action: ActionInfo) -> UInt64? {
        lowerNameHash(service: action.service, name: action.name)
    }

    /// `lowerNameHash` of a full name's two parts (`riskNameHashes` hashes the tables' names so).
    static func lowerNameHash(service: String, name: String) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            for c in b {
                if c >= 0x80 { return false }
                h = (h ^ UInt64(Glob.lower(c))) &* 0x100_0000_01b3
            }
            return true
        }
        guard service.withUTF8Bytes(add) else { return nil }
        h = (h ^ UInt64(UInt8(ascii: ":"))) &* 0x100_0000_01b3
        guard name.withUTF8Bytes(add) else { return nil }
        return h
    }

    /// `lowerNameHash` of every name in `riskNames` (a name with a colon splits at its first one).
    private static let riskNameHashes: Set<UInt64> = Set(riskNames.compactMap { n -> UInt64? in
        guard let colon = n.firstIndex(of: ":") else { return nil }
        return lowerNameHash(service: String(n[..<colon]), name: String(n[n.index(after: colon)...]))
    })

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
