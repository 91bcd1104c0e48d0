/// `grammar`: what IAM would reject, or silently read differently from what the author meant.
public enum GrammarRule: PolicyRule {
    public static let kinds: Set<PolicyKind> = [.identity, .trust, .resource]
    public static let description = RuleDescription(
        id: "IAM001", slug: "grammar", severity: .high,
        title: "Policy grammar error",
        rationale: """
        IAM rejects a malformed policy (MalformedPolicyDocument) or, worse, accepts it and reads it \
        differently: a duplicated JSON key keeps only one value, a missing Version turns policy \
        variables into literal text. The parser collects every problem, so all are reported at once. \
        High, because the policy either does not deploy or does not mean what it says; a missing \
        Version alone is medium.
        """,
        fix: "Correct the element as the message says; the IAM grammar is case-sensitive.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"ecr:BatchGetImage","Resource":"*"}]}"#,
                        note: "Effect values are case-sensitive"),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Action":"logs:CreateLogStream","Resource":"*"}]}"#,
                        note: "a duplicated key: only one value survives"),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"my-repo"}]}"#,
                        note: "a Resource must be an ARN or *"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}]}"#),
        ])

    public static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        var out: [Finding] = []
        for d in policy.diagnostics {
            let sev: Severity = d.message.hasPrefix("Version is missing") ? .medium : .high
            out.append(description.finding(d.message, fix: fixText(d.message), at: d.pointer, severity: sev))
        }
        if let doc = context.document {
            let root = RuleSupport.rootPointer(policy)
            for dup in doc.duplicateKeys where root.map({ dup.pointer.hasPrefix($0) }) ?? true {
                out.append(description.finding(
                    "key \"\(dup.key)\" is written twice in the same object: IAM's behaviour is undefined and most readers keep only one value",
                    fix: "Merge the two \"\(dup.key)\" entries into one (use an array for several values).", at: dup.pointer))
            }
        }
        for st in policy.statements {
            // One scan per item tells whether either check below reports it (almost never).
            if let a = st.action, a.items.indices.contains(where: { misshapen(a.items[$0].value) }) {
                for item in a.items where item.value != "*" && !item.value.isEmpty && !hasColon(item.value) {
                    out.append(description.finding("action \"\(item.value)\" is not of the form service:Action",
                                                   fix: "Write the service prefix, e.g. \"ecr:\(item.value)\".", at: item.pointer))
                }
                for item in a.items where wildcardService(item.value) {
                    out.append(description.finding("action \"\(item.value)\" has a wildcard in the service prefix, which IAM rejects",
                                                   fix: "Name the service prefix explicitly; list several services if needed.", at: item.pointer))
                }
            }
            if let r = st.resource, policy.kind != .trust {
                // Items tested in place; one is copied out only to be reported.
                let items = r.items
                for k in items.indices where items[k].value != "*" && !items[k].value.isEmpty {
                    // Template values (`{Ref:Bucket}`, `{GetAtt:Key.Arn}`, `${BucketArn}/*` from a
                    // CloudFormation template or plan) become ARNs at deploy time: not a grammar error.
                    if isTemplatePlaceholder(items[k].value) { continue }
                    if ResourceMismatchRule.isARN(items[k].value) { continue }
                    let item = items[k]
                    if !item.value.hasPrefix("arn:") {
                        out.append(description.finding("Resource \"\(item.value)\" is neither \"*\" nor an ARN",
                                                       fix: "Write the full ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE).", at: item.pointer))
                    } else if !ResourceMismatchRule.isARN(item.value) {
                        out.append(description.finding("Resource \"\(item.value)\" does not have the six parts of an ARN (arn:partition:service:region:account:resource)",
                                                       fix: "Complete the ARN; use * for a part that may be anything.", at: item.pointer))
                    }
                }
            }
        }
        return out
    }

    static func fixText(_ message: String) -> String {
        if message.hasPrefix("Version is missing") { return "Add \"Version\": \"2012-10-17\" as the first element." }
        if message.contains("Effect") { return "Write \"Effect\": \"Allow\" or \"Effect\": \"Deny\"." }
        if message.contains("Principal") && message.contains("identity") { return "Remove the Principal: an identity policy applies to the role it is attached to." }
        return description.fix
    }
}

extension GrammarRule {
    /// Whether the part before the first colon holds `*` or `?`. ASCII text (every real action) is
    /// one byte scan; other text goes by Characters, where a colon may carry a combining mark.
    static func wildcardService(_ action: String) -> Bool {
        // One walk over the contiguous bytes: the ASCII test, the first colon and a wildcard before it.
        let ascii: Bool? = action.withUTF8Bytes { b in
            var acc: UInt8 = 0, sawWildcard = false, answer: Bool?
            for c in b {
                acc |= c
                guard answer == nil else { continue }
                if c == UInt8(ascii: ":") { answer = sawWildcard }
                if c == UInt8(ascii: "*") || c == UInt8(ascii: "?") { sawWildcard = true }
            }
            return acc < 0x80 ? (answer ?? false) : nil
        }
        if let ascii { return ascii }
        guard let colon = action.firstIndex(of: ":") else { return false }
        return Glob.hasWildcard(String(action[..<colon]))
    }

    /// Whether `action` is reported as not `service:Action` or for a wildcard in its service
    /// (`misshapenByDefinition`), in one walk over the bytes of ASCII text.
    static func misshapen(_ action: String) -> Bool {
        let ascii: Bool? = action.withUTF8Bytes { b in
            var acc: UInt8 = 0, colon = false, wildcardBefore = false
            for c in b {
                acc |= c
                guard !colon else { continue }
                if c == UInt8(ascii: ":") { colon = true } else if c == UInt8(ascii: "*") || c == UInt8(ascii: "?") { wildcardBefore = true }
            }
            guard acc < 0x80 else { return nil }
            // No colon: not `service:Action` unless `*` or empty. A colon: reported for a wildcard before it.
            return colon ? wildcardBefore : !(b.isEmpty || (b.count == 1 && b[0] == UInt8(ascii: "*")))
        }
        return ascii ?? misshapenByDefinition(action)
    }

    /// The two checks `misshapen` stands for.
    static func misshapenByDefinition(_ action: String) -> Bool {
        (action != "*" && !action.isEmpty && !hasColon(action)) || wildcardService(action)
    }

    /// `action.utf8.contains(":")`, over the contiguous bytes (the generic `UTF8View` walk cost
    /// more than the rest of the check).
    static func hasColon(_ action: String) -> Bool {
        return action.withUTF8Bytes { b in b.contains(UInt8(ascii: ":")) }
    }

    /// A value a template fills in at deploy time: lint's placeholder text for an intrinsic
    /// (`{Ref:X}`, `{GetAtt:X.Arn}`, `{If:…}`) or a `${…}` substitution.
    static func isTemplatePlaceholder(_ v: String) -> Bool {
        (v.hasPrefix("{") && v.hasSuffix("}")) || v.utf8Contains("${")
    }
}
