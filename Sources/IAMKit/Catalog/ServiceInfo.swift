import Foundation

/// Everything the catalog knows about one AWS service (one prefix).
///
/// A value type over one shared, immutable storage object: the catalog hands the same service to
/// every lookup, and copying nine stored references per `service(_:)` call showed up in `lint`.
public struct ServiceInfo: Sendable {
    private let storage: Storage

    /// The service prefix used in actions, e.g. `ecr`.
    public var prefix: String { storage.prefix }
    /// The service's full name, e.g. `Amazon Elastic Container Registry`.
    public var name: String { storage.name }
    /// The Service Authorization Reference page for the service.
    public var authorizationURL: String { storage.authorizationURL }
    /// The actions in AWS's order (alphabetical).
    public var actions: [ActionInfo] { storage.actions }
    /// The resource types the service defines, with their ARN formats.
    public var resourceTypes: [ResourceTypeInfo] { storage.resourceTypes }
    /// The service-specific condition keys (and the `aws:` keys AWS lists for the service).
    public var conditionKeys: [ConditionKeyInfo] { storage.conditionKeys }

    /// The action names, lower-cased, for case-insensitive lookups and glob matching in `actions` order.
    var names: ActionNameTable { storage.names }
    /// Whether `actions` is already in `String` order by name (true for all but a few services),
    /// so `ActionCatalog.expand` need not sort a single service's matches.
    var actionsSorted: Bool { storage.actionsSorted }

    /// Immutable but for `keyIndex`, which is written once under `keyLock` (hence unchecked).
    private final class Storage: @unchecked Sendable {
        let prefix: String
        let name: String
        let authorizationURL: String
        let actions: [ActionInfo]
        let resourceTypes: [ResourceTypeInfo]
        let conditionKeys: [ConditionKeyInfo]
        let names: ActionNameTable
        let actionsSorted: Bool
        /// The condition keys classified for `definesConditionKey`, built on its first call: lint
        /// asks it of few services (1,933 calls in the corpus run), and classifying the keys of
        /// every block when it was parsed was ~8.5 M of the 100 M instructions of parsing all 445.
        private var keyIndex: ConditionKeyIndex?
        /// One lock for every service's `keyIndex` (held only to read it or build it once).
        private static let keyLock = NSLock()

        /// `keyIndex`, built on first use.
        var keys: ConditionKeyIndex {
            Self.keyLock.lock()
            defer { Self.keyLock.unlock() }
            if let keyIndex { return keyIndex }
            let built = ConditionKeyIndex(conditionKeys)
            keyIndex = built
            return built
        }

        /// `a < b`; for ASCII (every catalog name) the byte order, which is the same and skips
        /// `String`'s Unicode comparison (20,000 names when every service is parsed).
        static func ordered(_ a: String, _ b: String) -> Bool {
            let bytes: Bool? = a.withUTF8Bytes { x in
                b.withUTF8Bytes { y in
                    guard Glob.isASCII(x) && Glob.isASCII(y) else { return nil }
                    return x.lexicographicallyPrecedes(y)
                }
            }
            return bytes ?? (a < b)
        }

        init(prefix: String, name: String, authorizationURL: String, actions: [ActionInfo],
             resourceTypes: [ResourceTypeInfo], conditionKeys: [ConditionKeyInfo], names: ActionNameTable?, actionsSorted: Bool?) {
            self.prefix = prefix
            self.name = name
            self.authorizationURL = authorizationURL
            self.actions = actions
            self.resourceTypes = resourceTypes
            self.conditionKeys = conditionKeys
            self.names = names ?? ActionNameTable(names: actions.lazy.map(\.name))
            self.actionsSorted = actionsSorted ?? zip(actions, actions.dropFirst()).allSatisfy { Self.ordered($0.name, $1.name) }
        }
    }

    /// `names` and `actionsSorted`, when the parser already has them (from the names' bytes),
    /// must be what the actions' names give; nil derives them from the names.
    init(prefix: String, name: String, authorizationURL: String, actions: [ActionInfo],
         resourceTypes: [ResourceTypeInfo], conditionKeys: [ConditionKeyInfo],
         names: ActionNameTable? = nil, actionsSorted: Bool? = nil) {
        storage = Storage(prefix: prefix, name: name, authorizationURL: authorizationURL, actions: actions,
                          resourceTypes: resourceTypes, conditionKeys: conditionKeys, names: names, actionsSorted: actionsSorted)
    }

    /// The action called `name` (case-insensitive), without the service prefix.
    public func action(named name: String) -> ActionInfo? {
        storage.names.index(of: name).map { storage.actions[$0] }
    }

    /// The resource type called `name` (exact, as AWS spells it).
    public func resourceType(named name: String) -> ResourceTypeInfo? {
        resourceTypes.first { $0.name == name }
    }

    /// Whether `key` is one of this service's condition keys; template keys such as
    /// `ecr:ResourceTag/${TagKey}` accept any non-empty tag part. Case-insensitive.
    public func definesConditionKey(_ key: String) -> Bool {
        let lower = key.lowercased(), keys = storage.keys
        if keys.exact.contains(lower) { return true }
        return keys.templateGlobs.contains { Glob.matches($0, lower) }
    }
}

/// A service's condition keys sorted for `ServiceInfo.definesConditionKey`.
struct ConditionKeyIndex: Sendable {
    /// Lower-cased condition keys without a template part (exact lookups).
    let exact: Set<String>
    /// Lower-cased condition keys with a `${TagKey}` / `<key>` template, as globs (`aws:requesttag/?*`).
    let templateGlobs: [String]

    init(_ conditionKeys: [ConditionKeyInfo]) {
        var exact = Set<String>(), templates: [String] = []
        for key in conditionKeys.map(\.name) {
            if let glob = ConditionKeyTemplate.glob(for: key) { templates.append(glob) } else { exact.insert(key.lowercased()) }
        }
        self.exact = exact
        templateGlobs = templates
    }
}

/// A resource type defined by a service.
public struct ResourceTypeInfo: Sendable, Hashable {
    /// The resource type name, e.g. `repository`.
    public let name: String
    /// The ARN template, e.g. `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`.
    public let arnFormat: String
    /// Condition keys that apply to resources of this type (typically `aws:ResourceTag/${TagKey}`).
    public let conditionKeys: [String]
}

/// A condition key defined by a service.
public struct ConditionKeyInfo: Sendable, Hashable {
    /// The key, e.g. `ecr:ResourceTag/${TagKey}`.
    public let name: String
    /// AWS's value type: String, ARN, Bool, Numeric, Date, IPAddress, ArrayOfString, …
    public var type: String { CatalogSpan(text: rest.text, start: rest.start, end: typeEnd).string }
    /// AWS's description ("Filters access by …").
    public var description: String { CatalogSpan(text: rest.text, start: typeEnd + 1, end: rest.end).string }
    /// The `type|description` of the key's `C|` line, decoded only when asked: lint reads only
    /// names, and the two strings of each of the 2,348 keys were ~2,400 of a full parse's allocations.
    let rest: CatalogSpan
    /// Where the type ends in `rest` (at the bar before the description).
    let typeEnd: Int32

    /// Equal when name, type and description are.
    public static func == (a: ConditionKeyInfo, b: ConditionKeyInfo) -> Bool {
        a.name == b.name && a.type == b.type && a.description == b.description
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(description)
    }
}

/// Condition-key templates: `${TagKey}` (and the `<key>` and `…/tag-key` spellings some AWS
/// tables use, e.g. `secretsmanager:ResourceTag/tag-key`) stand for any non-empty text.
enum ConditionKeyTemplate {
    /// A lower-cased glob for a template key (`aws:requesttag/?*`), or nil when `key` has no template.
    static func glob(for key: String) -> String? {
        // Most keys have no template: tell on the bytes, without lower-casing a copy of each key
        // (a service's keys are classified when its block is parsed, ~6,000 keys in all).
        if !mayBeTemplate(key) { return nil }
        if key.lowercased().hasSuffix("/tag-key") { return String(key.lowercased().dropLast(7)) + "?*" }
        guard key.utf8Contains("${") || key.utf8Contains("<") else { return nil }
        if let ascii = asciiGlob(key) { return ascii }
        var out = "", inTemplate = false
        for ch in key.lowercased() {
            if inTemplate {
                if ch == "}" || ch == ">" { inTemplate = false; out += "?*" }
            } else if ch == "$" || ch == "<" {
                inTemplate = true
            } else if ch == "{" {
                continue
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// The loop of `glob(for:)` on the bytes of an ASCII key (one byte, one `Character`; walking
    /// `Character`s was most of classifying a service's keys); nil for other text.
    private static func asciiGlob(_ key: String) -> String? {
        return key.withUTF8Bytes { b -> String? in
            guard Glob.isASCII(b) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 2)
            var inTemplate = false
            for x in b {
                let c = Glob.lower(x)
                if inTemplate {
                    if c == UInt8(ascii: "}") || c == UInt8(ascii: ">") { inTemplate = false; out += [UInt8(ascii: "?"), UInt8(ascii: "*")] }
                } else if c == UInt8(ascii: "$") || c == UInt8(ascii: "<") {
                    inTemplate = true
                } else if c != UInt8(ascii: "{") {
                    out.append(c)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// False only when `key` surely has no template: no `$` or `<`, and no `/tag-key` ending in
    /// any case. Non-ASCII text may lower-case into those, so it is always "maybe".
    static func mayBeTemplate(_ key: String) -> Bool {
        let suffix = "/tag-key".utf8
        return key.withUTF8Bytes { b in
            var acc: UInt8 = 0
            for x in b {
                if x == UInt8(ascii: "$") || x == UInt8(ascii: "<") { return true }
                acc |= x
            }
            if acc >= 0x80 { return true }
            guard b.count >= suffix.count else { return false }
            return zip(b[(b.count - suffix.count)...], suffix).allSatisfy { Glob.lower($0) == $1 }
        }
    }
}
