/// `unknown-condition-key`: a condition key that does not exist, or not for the statement's services.
public enum UnknownConditionKeyRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM015", slug: "unknown-condition-key", severity: .medium,
        title: "Unknown condition key",
        rationale: """
        A key that is not in the request context is absent: `StringEquals` on it never matches (the \
        statement silently stops applying) and `…IfExists`/negated operators always match. IAM does \
        not reject unknown keys. Medium for keys no service defines (usually typos); low for keys \
        that exist but not for any service of the statement's actions.
        """,
        fix: "Use a global key (aws:…) or one the action's service defines.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaServices":"secretsmanager.us-east-1.amazonaws.com"}}}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.us-east-1.amazonaws.com"}}}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        let catalog = RuleSupport.catalog
        var out: [Finding] = []
        var resolved: [[ActionInfo?]]?
        for (si, st) in policy.statements.enumerated() where !st.conditions.isEmpty {
            // A resolved name's service is its catalog prefix (lower-case, known); only the other
            // items are cut and looked up.
            if resolved == nil { resolved = context.memo.resolvedActions(policy) }
            // The statement's services, gathered only for a key that is not global but exists
            // (most condition keys are global ones: their statements never need the set).
            var gathered: Set<String>?
            func services() -> Set<String> {
                if let gathered { return gathered }
                var services = Set<String>()
                // Consecutive items mostly name one service: it is hashed into the set once per run.
                var last: String?
                for (ii, item) in (st.action?.negated == false ? st.action!.items : []).enumerated() {
                    if let a = resolved![si][ii] {
                        if a.service != last { services.insert(a.service); last = a.service }
                        continue
                    }
                    if let prefix = servicePrefix(item.value), catalog.hasService(prefix) { services.insert(prefix) }
                }
                gathered = services
                return services
            }
            for c in st.conditions {
                // A global key exists and is known for every service: no finding. Asked once here,
                // not again by `conditionKeyExists` and by `conditionKeyKnown` for each service.
                if GlobalConditionKeys.contains(c.key) { continue }
                if !definedByOwnService(c.key, catalog) {
                    out.append(description.finding("condition key \"\(c.key)\" is not a global key and no service defines it: it is never in the request context",
                                                   fix: "Check the spelling against the service's condition keys.", at: c.pointer))
                } else if !services().isEmpty, !hasAWSPrefix(c.key),
                          !services().contains(where: { catalog.service($0)?.definesConditionKey(c.key) ?? false }) {
                    out.append(description.finding(
                        "condition key \"\(c.key)\" is not defined for \(RuleSupport.list(services().sorted(), limit: 3)): requests for \(st.label)'s actions do not carry it",
                        fix: "Use a key the service of the actions defines, or move the condition to the right statement.",
                        at: c.pointer, severity: .low))
                }
            }
        }
        return out
    }

    /// The lower-cased text before the first `:` of an Action item, or nil without one.
    static func servicePrefix(_ item: String) -> String? { prefix(item, lowercased: true) }

    /// `catalog.conditionKeyExists(key)` for a key that is not global: the service its prefix
    /// names defines it.
    static func definedByOwnService(_ key: String, _ catalog: ActionCatalog) -> Bool {
        guard let prefix = keyPrefix(key) else { return false }
        return catalog.service(prefix)?.definesConditionKey(key) ?? false
    }

    /// The text of `key` before its first `:` (as written), or nil without one.
    static func keyPrefix(_ key: String) -> String? { prefix(key, lowercased: false) }

    /// The text before the first `:`, lower-cased or as written, or nil without one: on bytes for
    /// ASCII text (the Character search and a lower-cased copy showed in the profile); a colon may
    /// carry a combining mark in other text, so Characters decide there.
    private static func prefix(_ text: String, lowercased: Bool) -> String? {
        let ascii: String?? = text.withUTF8Bytes { b -> String?? in
            var acc: UInt8 = 0
            for c in b { acc |= c }
            guard acc < 0x80 else { return .none }
            guard let colon = b.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
            let head = b[..<colon]
            return .some(lowercased ? String(decoding: head.lazy.map(Glob.lower), as: UTF8.self)
                                    : String(decoding: head, as: UTF8.self))
        }
        if let ascii { return ascii }
        guard let c = text.firstIndex(of: ":") else { return nil }
        return lowercased ? String(text[..<c]).lowercased() : String(text[..<c])
    }

    /// `key.lowercased().hasPrefix("aws:")`, on the first bytes of an ASCII key.
    static func hasAWSPrefix(_ key: String) -> Bool {
        let ascii: Bool? = key.withUTF8Bytes { b -> Bool? in
            var acc: UInt8 = 0
            for c in b { acc |= c }
            guard acc < 0x80 else { return nil }
            return b.count >= 4 && b[0] | 0x20 == UInt8(ascii: "a") && b[1] | 0x20 == UInt8(ascii: "w")
                && b[2] | 0x20 == UInt8(ascii: "s") && b[3] == UInt8(ascii: ":")
        }
        return ascii ?? key.lowercased().hasPrefix("aws:")
    }
}
