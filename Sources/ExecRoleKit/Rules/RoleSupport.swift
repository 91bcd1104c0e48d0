import IAMKit

/// Queries the role rules share.
enum RoleSupport {
    /// Every statement of every identity policy, in order.
    static func statements(_ role: RoleUnderReview) -> [RoleStatement] { role.index.statements }

    /// Allow statements that cover `action` (Action or NotAction).
    static func allows(_ role: RoleUnderReview, action: String) -> [RoleStatement] { role.index.allows(action) }

    /// Statements (Allow and Deny) that cover `action` (Action or NotAction).
    static func covering(_ role: RoleUnderReview, action: String) -> [RoleStatement] { role.index.covering(action) }

    /// Statements whose Action (not NotAction) has an item matching `action`: those with a
    /// non-empty `items(naming:)`.
    static func naming(_ role: RoleUnderReview, action: String) -> [RoleStatement] { role.index.naming(action) }

    /// Whether an Action/NotAction element covers `action` by globbing every item: what the
    /// index answers faster (kept as its reference).
    static func actionMatches(_ list: ElementList?, _ action: String) -> Bool {
        guard let list else { return false }
        let hit = list.items.contains { Glob.matches($0.value, action, caseInsensitive: true) }
        return list.negated ? !hit : hit
    }

    /// Whether a Resource element covers a concrete ARN, or — when `arn` itself holds wildcards
    /// because account or region are unknown — whether it could.
    static func resourceMatches(_ list: ElementList?, _ arn: String) -> Bool {
        guard let list else { return false }
        let hit = list.items.contains { patternMatches($0.value, arn) }
        return list.negated ? !hit : hit
    }

    static func patternMatches(_ pattern: String, _ arn: String) -> Bool {
        // A request for an action without resource-level permissions names the literal `*`,
        // which only `*`-like patterns match; other wildcards stand for unknown parts.
        if arn == "*" || !Glob.hasWildcard(arn) { return Glob.matches(pattern, arn) }
        return PatternOverlap.overlaps(pattern, arn)
    }

    /// `ARN(text)` when its service is `service`, without parsing ARNs of other services: the
    /// rules look for one service's ARNs among every Resource of every statement. A parsed ARN
    /// with that service always contains `:service:`, so the byte search only skips misses.
    static func arn(_ text: String, service: String) -> ARN? {
        guard mayNameService(text, service), let arn = ARN(text), arn.service == service else { return nil }
        return arn
    }

    /// False only when `text` surely is no ARN of `service`: it does not start with `arn:`, or
    /// what follows its second colon is not `service:`. An ARN that parses has its service there
    /// (the ASCII parser cuts at the first colons; `split` cuts at the same ones when the text up
    /// to them is ASCII, a colon followed by ASCII being a Character of its own). When a non-ASCII
    /// byte comes first, `containsDelimited` decides. Reading a dozen bytes instead of scanning
    /// every Resource whole: six rules ask this of each.
    static func mayNameService(_ text: String, _ service: String) -> Bool {
        let fast: Bool? = text.withUTF8Bytes { t -> Bool? in
            guard let start = serviceStart(t) else { return nil }
            guard let start else { return false }
            return service.withUTF8Bytes { matchService(t, start, $0) }
        }
        return fast ?? containsDelimited(text, service)
    }

    /// Where the service part of an ARN starts (after the second colon): nil when a non-ASCII
    /// byte comes first (the bytes cannot decide), `.some(nil)` when the text surely is no ARN.
    static func serviceStart(_ t: UnsafeBufferPointer<UInt8>) -> Int?? {
        let colon = UInt8(ascii: ":")
        guard t.count >= 4 else { return t.contains { $0 >= 0x80 } ? nil : .some(nil) }
        if t[0] >= 0x80 || t[1] >= 0x80 || t[2] >= 0x80 || t[3] >= 0x80 { return nil }
        guard t[0] == UInt8(ascii: "a"), t[1] == UInt8(ascii: "r"), t[2] == UInt8(ascii: "n"), t[3] == colon else { return .some(nil) }
        var i = 4
        while i < t.count && t[i] != colon {
            if t[i] >= 0x80 { return nil }
            i += 1
        }
        return i < t.count ? .some(i + 1) : .some(nil)
    }

    /// Whether `service:` (ASCII `w`) starts at `start` of `t` (`serviceStart`); nil when a
    /// non-ASCII byte leaves it open.
    static func matchService(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ w: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard start + w.count < t.count else { return t[start...].contains { $0 >= 0x80 } ? nil : false }
        // A non-ASCII byte right after the colon may be a combining mark joining it (then it
        // cuts nothing): the Characters decide.
        for j in 0..<w.count where t[start + j] != w[j] { return t[start + j] >= 0x80 ? nil : false }
        return t[start + w.count] == UInt8(ascii: ":")
    }

    /// Whether `text` contains `:word:`, compared as UTF-8 bytes.
    static func containsDelimited(_ text: String, _ word: String) -> Bool {
        text.withUTF8Bytes { t in
            word.withUTF8Bytes { w in
                let colon = UInt8(ascii: ":")
                guard t.count >= w.count + 2 else { return false }
                var i = 0
                while i + w.count + 1 < t.count {
                    if t[i] == colon && t[i + w.count + 1] == colon {
                        var j = 0
                        while j < w.count && t[i + 1 + j] == w[j] { j += 1 }
                        if j == w.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The resource part after `secret:` split on `:` (name, json-key, stage, id).
    static func secretParts(_ arn: ARN) -> [String]? {
        guard arn.service == "secretsmanager" else { return nil }
        let parts = splitOnColons(arn.resource)
        guard parts.first == "secret", parts.count >= 2 else { return nil }
        return Array(parts.dropFirst())
    }

    /// `text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)`, cut on
    /// the bytes of ASCII text (splitting Characters cost ~10,000 instructions per secret ARN);
    /// in other text a colon may carry a combining mark, so Characters decide there.
    static func splitOnColons(_ text: String) -> [String] {
        let ascii: [String]? = text.withUTF8Bytes { b -> [String]? in
            var acc: UInt8 = 0
            for c in b { acc |= c }
            guard acc < 0x80 else { return nil }
            var parts: [String] = [], from = 0
            for i in 0..<b.count where b[i] == UInt8(ascii: ":") {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[from..<i]), as: UTF8.self))
                from = i + 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[from...]), as: UTF8.self))
            return parts
        }
        return ascii ?? text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    }

    /// Wraps a finding for a policy statement.
    static func hit(_ d: RuleDescription, _ st: RoleStatement, _ message: String, fix: String? = nil,
                    at pointer: String, severity: Severity? = nil) -> RoleFinding {
        RoleFinding(d.finding(message, fix: fix, at: pointer, severity: severity), in: st.document)
    }

    static func quote(_ xs: [String]) -> String { xs.map { "\"\($0)\"" }.joined(separator: ", ") }
}
