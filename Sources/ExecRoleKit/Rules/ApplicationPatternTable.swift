import IAMKit

/// The application-action table (`RiskCatalog.applicationActions`) compiled for `wrong-role`:
/// entries grouped by the `ActionKey` of their service, each pattern's action part lower-cased to
/// bytes, and a small open-addressing table from service key to group.
///
/// `ApplicationActionMemo.mayHit` runs for nearly every Action item of the corpus (~50,000): its
/// linear scan of the service keys and its `Glob.matches` calls (~570 instructions each, on the
/// patterns as written) were most of `wrong-role`; so was `RiskCatalog.applicationUse` (a
/// `fullName`, a lower-cased copy and two dictionary lookups per action of an expanded item). Here
/// a lookup is a couple of compares and a match is one pass over bytes. Same answers: every
/// pattern of a group has the literal, wildcard-free service part its key was hashed from, so a
/// full name matches it exactly when its service equals that part (case aside) and its action
/// name matches the rest.
struct ApplicationPatternTable: Sendable {
    /// One table row: its position in the table, its service and action part (lower-cased
    /// UTF-8), and its reason.
    struct Row: Sendable {
        let index: Int
        let service: [UInt8]
        let action: [UInt8]
        let why: String
    }

    /// Groups of rows by service, in table order within each group.
    private(set) var groups: [[Row]] = []
    private var groupKeys: [UInt64] = []
    /// Open addressing: `slots[h]` is a group's key (or `ActionKey.none`), `slotGroups[h]` its group.
    private var slots: [UInt64]
    private var slotGroups: [Int]
    private let mask: Int
    /// False when some pattern is not ASCII or has no plain service part: then nothing here is
    /// used and the callers take the general path.
    let isComplete: Bool

    init(_ table: [RiskEntry]) {
        var complete = true
        for (i, entry) in table.enumerated() {
            let key = ActionKey.item(entry.pattern)
            let bytes = Array(entry.pattern.utf8)
            guard key != ActionKey.none, bytes.allSatisfy({ $0 < 0x80 }), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
                complete = false; continue
            }
            let row = Row(index: i, service: bytes[..<colon].map(Self.lower), action: bytes[(colon + 1)...].map(Self.lower), why: entry.why)
            if let g = groupKeys.firstIndex(of: key) { groups[g].append(row) } else { groupKeys.append(key); groups.append([row]) }
        }
        isComplete = complete
        var size = 16
        while size < groupKeys.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: ActionKey.none, count: size)
        slotGroups = Array(repeating: -1, count: size)
        for (g, key) in groupKeys.enumerated() {
            var h = Int(truncatingIfNeeded: key) & mask
            while slots[h] != ActionKey.none { h = (h + 1) & mask }
            slots[h] = key; slotGroups[h] = g
        }
    }

    /// The group of rows whose service has `key` (`ActionKey.item`/`query`, not `none`), if any.
    @inline(__always) func group(forKey key: UInt64) -> Int? {
        var h = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = slots[h]
            if k == key { return slotGroups[h] }
            if k == ActionKey.none { return nil }
            h = (h + 1) & mask
        }
    }

    /// Whether a row of group `g` matches the ASCII action `name` (`service:Action`, no
    /// wildcards of its own), ignoring case: `Glob.matches(pattern, name, caseInsensitive: true)`
    /// for some row.
    func anyMatches(group g: Int, asciiName name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = name.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let service = UnsafeBufferPointer(rebasing: name[..<colon]), action = UnsafeBufferPointer(rebasing: name[(colon + 1)...])
        return groups[g].contains { Self.equalLower($0.service, service) && Self.matchLower($0.action, action) }
    }

    /// The reason of the first row (table order) matching the ASCII action `service:name`,
    /// ignoring case, or nil when none does: `RiskCatalog.applicationUse` for a catalog action.
    func use(service: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, key: UInt64) -> String? {
        guard let g = group(forKey: key) else { return nil }
        return groups[g].first { Self.equalLower($0.service, service) && Self.matchLower($0.action, name) }?.why
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c &- 65 < 26 ? c | 0x20 : c }

    /// Whether ASCII `text` lower-cased equals `lowered`.
    static func equalLower(_ lowered: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lowered.count == text.count else { return false }
        for i in 0..<text.count where lower(text[i]) != lowered[i] { return false }
        return true
    }

    /// `Glob`'s two-pointer match of a lower-cased ASCII pattern against ASCII text, ignoring
    /// the text's case (the same loop as `Glob.matches` on bytes, without its per-call checks).
    static func matchLower(_ p: [UInt8], _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var pi = 0, ti = 0, starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count {
                let pc = p[pi], tc = lower(t[ti])
                if pc == question || (pc != star && pc == tc) { pi += 1; ti += 1; continue }
                if pc == star { starP = pi; starT = ti; pi += 1; continue }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1; starT += 1; ti = starT
        }
        while pi < p.count && p[pi] == star { pi += 1 }
        return pi == p.count
    }
}
