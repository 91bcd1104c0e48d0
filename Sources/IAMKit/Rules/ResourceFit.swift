/// Whether a policy `Resource` could name a resource of an action, for `resource-mismatch`:
/// `PatternOverlap.resourceCouldMatch` against the action's ARN formats, under the resource's
/// service aliases (`ResourceMismatchRule.serviceAliases`).
///
/// The rule asks this for every (action, resource) pair of a statement, and `s3:*` has hundreds of
/// actions sharing a few formats. The pattern is parsed and tokenised once per process; a format
/// whose service differs from the pattern's is rejected from its first bytes (most checks: a
/// statement's actions span services); the answer is memoised per resource type of a service
/// (`fits(_:)`), for the policy and, behind a lock, for the process. A class so that one `check`
/// call shares it among the statements naming the same resource.
final class ResourceFit {
    /// The pattern or one of its aliases, ready for `PatternOverlap.overlaps`.
    fileprivate struct Alias {
        let tokens: [PatternOverlap.Token]
        /// The service segment when every string the pattern matches has exactly this one
        /// (`arn:PART:SERVICE:` with no wildcard, variable or colon in PART and SERVICE).
        let service: [UInt8]?
    }

    /// What every policy naming the same pattern shares: its aliases' tokens and the answers per
    /// resource type. The corpus names 2,262 distinct patterns 10,291 times; tokenising each again
    /// and re-deciding its overlaps per policy was a third of `resource-mismatch`.
    private final class Shared: Sendable {
        let aliases: [Alias]
        let answers = CatalogLockedState<[Int: Bool]>([:])
        init(_ pattern: String) {
            aliases = ResourceMismatchRule.serviceAliases(pattern).map {
                Alias(tokens: PatternOverlap.globTokens($0, policyVariables: true), service: ResourceFit.fixedService($0, format: false))
            }
        }
    }

    /// `Shared` per pattern, for the whole process. (Its answers are keyed by `refKey`, which names
    /// types of `RuleSupport.catalog`, where every action the rules ask about comes from.)
    private static let sharedByPattern = RuleCache<Shared, String>()

    private let shared: Shared
    private var aliases: [Alias] { shared.aliases }
    private var memo: [String: Bool] = [:]
    /// `fits` per resource type of a service, keyed by the service's slot and the type's name id
    /// (`refKey`): a type's ARN formats are those of the service's resource table, the same for
    /// every action naming it, so the answer is too. `s3:*` asks about hundreds of actions that
    /// share a few types; an integer key replaces hashing each long format string. This policy's
    /// copy answers without a lock; misses go to the process-wide one.
    private var refMemo: [Int: Bool] = [:]

    init(_ pattern: String) {
        shared = Self.sharedByPattern.value(pattern) { Shared(pattern) }
    }

    /// Whether the pattern fits some ARN format of `a`'s resource types.
    func fits(_ a: ActionInfo) -> Bool {
        let refs = a.resourceTypes
        for k in refs.indices {
            let key = Self.refKey(slot: a.id >> 16, nameID: refs[k].nameID)
            if let hit = refMemo[key] {
                if hit { return true }
                continue
            }
            let r: Bool
            if let known = shared.answers.withLock({ $0[key] }) {
                r = known
            } else {
                r = fits(formats: refs[k].arnFormats, key: key)
                shared.answers.withLock { $0[key] = r }
            }
            refMemo[key] = r
            if r { return true }
        }
        return false
    }

    /// `fits` by its definition, format by format (what the memo by type answers).
    func fitsByFormats(_ a: ActionInfo) -> Bool {
        a.resourceTypes.contains { ref in ref.arnFormats.contains(where: fits(format:)) }
    }

    /// The service's catalog slot (`ActionInfo.id`'s upper bits) and the type's name id.
    static func refKey(slot: Int32, nameID: Int32) -> Int {
        Int(slot) << 32 | Int(nameID)
    }

    /// Whether the pattern, or an alias, could match some ARN of `format`.
    func fits(format: String) -> Bool {
        // Both services fixed and different: every string of one differs from every string of the
        // other. Checked before the memo (no hashing, no allocation): most checks end here.
        let ruledOut = ruledOut(format)
        if ruledOut == (1 << aliases.count) - 1 { return false }
        if let hit = memo[format] { return hit }
        let tokens = Self.formatTokens.value(format) { PatternOverlap.formatTokens(format) }
        let r = overlaps(tokens, except: ruledOut)
        memo[format] = r
        return r
    }

    /// `formats.contains(where: fits(format:))` for the formats of one resource type (`key`):
    /// `fits(_:)` asks each type once per fit, so a memo by format string would only be written,
    /// and the formats' tokens are found by the type's integer key instead of hashing each format.
    private func fits(formats: [String], key: Int) -> Bool {
        var typeTokens: TypeTokens?
        for (f, format) in formats.enumerated() {
            let ruledOut = ruledOut(format)
            if ruledOut == (1 << aliases.count) - 1 { continue }
            if typeTokens == nil {
                typeTokens = Self.typeTokens.value(key) { TypeTokens(formats: formats, tokens: formats.map(PatternOverlap.formatTokens)) }
            }
            // The key names a type of `RuleSupport.catalog`; formats from elsewhere are tokenised here.
            let tokens = typeTokens!.formats == formats ? typeTokens!.tokens[f] : PatternOverlap.formatTokens(format)
            if overlaps(tokens, except: ruledOut) { return true }
        }
        return false
    }

    /// The aliases whose fixed service differs from `format`'s, as a bit mask (`aliases` order).
    private func ruledOut(_ format: String) -> UInt {
        return format.withUTF8Bytes { b in
            guard let range = Self.serviceRange(b, format: true) else { return 0 }
            let service = UnsafeBufferPointer(rebasing: b[range])
            var mask: UInt = 0
            for (k, alias) in aliases.enumerated() {
                if let t = alias.service, !t.elementsEqual(service) { mask |= 1 << k }
            }
            return mask
        }
    }

    /// Whether an alias not in `ruledOut` overlaps the format's tokens.
    private func overlaps(_ tokens: [PatternOverlap.Token], except ruledOut: UInt) -> Bool {
        aliases.indices.contains { ruledOut & (1 << $0) == 0 && PatternOverlap.overlaps(aliases[$0].tokens, tokens) }
    }

    /// A resource type's formats and their tokens.
    private struct TypeTokens: Sendable {
        let formats: [String]
        let tokens: [[PatternOverlap.Token]]
    }

    /// Tokens per resource type (`refKey`), for the whole process.
    private static let typeTokens = RuleCache<TypeTokens, Int>()

    /// The service segment of `text` when every string it stands for has exactly that third
    /// `:`-separated segment (nil otherwise).
    /// Tokens per catalog ARN format, for the whole process: every policy builds its own fits, and
    /// tokenising the same ~1,500 formats again for each was most of a fit check.
    private static let formatTokens = RuleCache<[PatternOverlap.Token], String>()

    static func fixedService(_ text: String, format: Bool) -> [UInt8]? {
        return text.withUTF8Bytes { b in serviceRange(b, format: format).map { Array(b[$0]) } }
    }

    /// Where `fixedService` is: `text` starts with `arn:` and the two segments after it contain no
    /// colon and nothing that could expand to one. In a policy pattern that means no `*`, `?` or
    /// `$` (variables); in an ARN format (where `?` is literal and `${Name}` holds no colon unless
    /// it ends the format) the partition may be `${Partition}`, and otherwise no `$` or `*`.
    static func serviceRange(_ b: UnsafeBufferPointer<UInt8>, format: Bool) -> Range<Int>? {
        guard b.count > 4, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "r"), b[2] == UInt8(ascii: "n"),
              b[3] == UInt8(ascii: ":") else { return nil }
        var i = 4
        if format && b.count > i + 12 && b[i] == UInt8(ascii: "$") && equalsPartitionVariable(b, at: i) { i += 12 }
        // The partition segment, then the service segment.
        var start = i
        for segment in 0..<2 {
            while i < b.count && b[i] != UInt8(ascii: ":") {
                let c = b[i]
                if c == UInt8(ascii: "*") || c == UInt8(ascii: "$") || (!format && c == UInt8(ascii: "?")) { return nil }
                i += 1
            }
            guard i < b.count else { return nil }
            if segment == 1 { return start..<i }
            i += 1
            start = i
        }
        return nil
    }

    private static let partitionVariable = Array("${Partition}".utf8)

    private static func equalsPartitionVariable(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for (k, c) in partitionVariable.enumerated() where b[i + k] != c { return false }
        return true
    }
}
