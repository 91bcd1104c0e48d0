/// AWS global condition context keys (and the cross-service keys AWS documents alongside them),
/// hand-copied from the IAM User Guide page "AWS global condition context keys".
///
/// They can appear in any policy, but many exist only in some request contexts: `aws:SourceAccount`
/// / `aws:SourceArn` only when a service calls on your behalf, `aws:SourceVpc(e)` only through a VPC
/// endpoint — which is why the availability note matters for the ECS agent's own calls.
public enum GlobalConditionKeys {
    /// A global key with a short note on when it is present in the request context.
    public struct Key: Sendable, Hashable {
        /// The key as AWS spells it; `${TagKey}` marks a template part.
        public let name: String
        /// When the key is present / what it holds.
        public let note: String
    }

    /// Every documented global key.
    public static let all: [Key] = [
        // Principal properties
        Key(name: "aws:PrincipalArn", note: "ARN of the calling principal (role ARN, not the session ARN)"),
        Key(name: "aws:PrincipalAccount", note: "account of the calling principal"),
        Key(name: "aws:PrincipalOrgID", note: "organization of the calling principal's account"),
        Key(name: "aws:PrincipalOrgPaths", note: "organizational-unit path of the principal's account"),
        Key(name: "aws:PrincipalTag/${TagKey}", note: "tag attached to the calling principal"),
        Key(name: "aws:PrincipalIsAWSService", note: "true when an AWS service principal makes the call"),
        Key(name: "aws:PrincipalServiceName", note: "service principal name, present only for service principals"),
        Key(name: "aws:PrincipalServiceNamesList", note: "all service principal names of the service"),
        Key(name: "aws:PrincipalType", note: "Account, User, FederatedUser, AssumedRole, Anonymous"),
        Key(name: "aws:userid", note: "unique ID of the caller (role ID:session for roles)"),
        Key(name: "aws:username", note: "IAM user name; absent for roles"),
        // Role session properties
        Key(name: "aws:AssumedRoot", note: "true when the session was created by sts:AssumeRoot"),
        Key(name: "aws:FederatedProvider", note: "identity provider that issued the federated credentials"),
        Key(name: "aws:TokenIssueTime", note: "when the temporary credentials were issued"),
        Key(name: "aws:MultiFactorAuthAge", note: "seconds since MFA; absent without MFA"),
        Key(name: "aws:MultiFactorAuthPresent", note: "whether MFA was used; absent for long-term keys"),
        Key(name: "aws:ChatbotSourceArn", note: "chat channel configuration of an Amazon Q Developer chat session"),
        Key(name: "aws:Ec2InstanceSourceVpc", note: "VPC of the EC2 instance whose role credentials are used"),
        Key(name: "aws:Ec2InstanceSourcePrivateIPv4", note: "private IPv4 of that EC2 instance"),
        Key(name: "aws:SourceIdentity", note: "source identity set on the role session"),
        Key(name: "ec2:RoleDelivery", note: "instance metadata service version that delivered the credentials"),
        Key(name: "ec2:SourceInstanceArn", note: "EC2 instance the role credentials were delivered to"),
        Key(name: "glue:RoleAssumedBy", note: "set when AWS Glue assumed the role"),
        Key(name: "glue:CredentialIssuingService", note: "glue.amazonaws.com for Glue-issued credentials"),
        Key(name: "codebuild:BuildArn", note: "CodeBuild build using the role credentials"),
        Key(name: "codebuild:ProjectArn", note: "CodeBuild project using the role credentials"),
        Key(name: "lambda:SourceFunctionArn", note: "Lambda function using its execution-role credentials"),
        Key(name: "ssm:SourceInstanceArn", note: "Systems Manager managed instance using the credentials"),
        Key(name: "identitystore:UserId", note: "IAM Identity Center user ID of the session"),
        // Network properties
        Key(name: "aws:SourceIp", note: "requester's public IP; absent/unhelpful through VPC endpoints"),
        Key(name: "aws:SourceVpc", note: "VPC of the endpoint; present only through a VPC endpoint"),
        Key(name: "aws:SourceVpcArn", note: "ARN of that VPC; present only through a VPC endpoint"),
        Key(name: "aws:SourceVpce", note: "VPC endpoint ID; present only through a VPC endpoint"),
        Key(name: "aws:VpceAccount", note: "account owning the VPC endpoint"),
        Key(name: "aws:VpceOrgID", note: "organization owning the VPC endpoint"),
        Key(name: "aws:VpceOrgPaths", note: "organizational-unit path owning the VPC endpoint"),
        Key(name: "aws:VpcSourceIp", note: "requester's private IP; present only through a VPC endpoint"),
        // Resource properties
        Key(name: "aws:ResourceAccount", note: "account owning the resource"),
        Key(name: "aws:ResourceOrgID", note: "organization owning the resource"),
        Key(name: "aws:ResourceOrgPaths", note: "organizational-unit path of the resource's account"),
        Key(name: "aws:ResourceTag/${TagKey}", note: "tag on the resource, for services that support it"),
        // Request properties
        Key(name: "aws:CalledVia", note: "services that made the request on the principal's behalf (FAS)"),
        Key(name: "aws:CalledViaFirst", note: "first service in the CalledVia chain"),
        Key(name: "aws:CalledViaLast", note: "last service in the CalledVia chain"),
        Key(name: "aws:ViaAWSService", note: "true when a service makes the call with the principal's credentials (FAS)"),
        Key(name: "aws:CurrentTime", note: "request time (Date)"),
        Key(name: "aws:EpochTime", note: "request time in epoch seconds"),
        Key(name: "aws:referer", note: "HTTP Referer header (client-controlled)"),
        Key(name: "aws:RequestedRegion", note: "Region the request is sent to"),
        Key(name: "aws:RequestTag/${TagKey}", note: "tag passed in the request"),
        Key(name: "aws:TagKeys", note: "tag keys in the request"),
        Key(name: "aws:SecureTransport", note: "whether the request used TLS"),
        Key(name: "aws:SourceAccount", note: "account of the resource making a service-to-service request; absent on a principal's own calls"),
        Key(name: "aws:SourceArn", note: "ARN of the resource making a service-to-service request; absent on a principal's own calls"),
        Key(name: "aws:SourceOrgID", note: "organization of that source resource"),
        Key(name: "aws:SourceOrgPaths", note: "organizational-unit path of that source resource"),
        Key(name: "aws:UserAgent", note: "HTTP User-Agent (client-controlled)"),
    ]

    /// Lower-cased exact keys.
    static let exact: Set<String> = Set(all.filter { ConditionKeyTemplate.glob(for: $0.name) == nil }.map { $0.name.lowercased() })
    /// Lower-cased globs of template keys (`aws:principaltag/?*`).
    static let templates: [String] = all.compactMap { ConditionKeyTemplate.glob(for: $0.name) }

    /// Whether `key` is a global key; case-insensitive; `aws:PrincipalTag/team` matches the template.
    public static func contains(_ key: String) -> Bool {
        if let ascii = asciiTable.contains(key) { return ascii }
        return containsByLowercasing(key)
    }

    /// `contains` as defined: a lower-cased copy looked up in `exact`, then globbed against
    /// `templates`. Kept for non-ASCII keys and as the reference of `asciiTable`.
    static func containsByLowercasing(_ key: String) -> Bool {
        let lower = key.lowercased()
        return exact.contains(lower) || templates.contains { Glob.matches($0, lower) }
    }

    /// `exact` and `templates` on bytes: lint asks for every condition key of every statement,
    /// and lower-casing a copy of each (plus hashing it and globbing it against each template)
    /// was a fifth of `unknown-condition-key`.
    static let asciiTable = ByteTable(exact: exact.sorted(), globs: templates)

    /// The documented entry for `key` (template entries for tag keys), if it is global.
    public static func info(for key: String) -> Key? {
        let lower = key.lowercased()
        return all.first { k in
            if let g = ConditionKeyTemplate.glob(for: k.name) { return Glob.matches(g, lower) }
            return k.name.lowercased() == lower
        }
    }
}

extension GlobalConditionKeys {
    /// Lower-cased ASCII keys and globs, asked with keys as written: an open-addressing table of
    /// FNV-1a hashes of the lower-cased bytes (hashed in place, no copy), each hit confirmed byte
    /// by byte, then the globs matched ignoring the key's case.
    struct ByteTable: Sendable {
        private let keys: [[UInt8]]
        private let globs: [[UInt8]]
        /// `slots[h]` is an index into `keys` plus one (0: empty).
        private let slots: [Int]
        private let hashes: [UInt64]
        private let mask: Int
        /// For each glob of the form `literal?*` (no other wildcard), the literal.
        private let templatePrefixes: [[UInt8]?]
        private let globsAreASCII: Bool

        /// - Parameters:
        ///   - exact: lower-cased keys.
        ///   - globs: lower-cased globs (`aws:principaltag/?*`).
        init(exact: [String], globs: [String]) {
            keys = exact.map { Array($0.utf8) }
            self.globs = globs.map { Array($0.utf8) }
            globsAreASCII = self.globs.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
            templatePrefixes = self.globs.map { g in
                guard g.count >= 2, g.suffix(2) == [UInt8(ascii: "?"), UInt8(ascii: "*")] else { return nil }
                let literal = Array(g.dropLast(2))
                return literal.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ? nil : literal
            }
            var size = 16
            while size < keys.count * 4 { size *= 2 }
            mask = size - 1
            var slots = Array(repeating: 0, count: size), hashes = Array(repeating: UInt64(0), count: size)
            for (i, k) in keys.enumerated() {
                let h = k.withUnsafeBufferPointer { Self.hash($0) }
                var at = Int(truncatingIfNeeded: h) & mask
                while slots[at] != 0 { at = (at + 1) & mask }
                slots[at] = i + 1; hashes[at] = h
            }
            self.slots = slots; self.hashes = hashes
        }

        /// Whether `key` is one of the keys or matches one of the globs, ignoring its case; nil
        /// when `key` or a table entry is not ASCII (Unicode lower-casing then decides).
        func contains(_ key: String) -> Bool? {
            guard globsAreASCII else { return nil }
            return key.withUTF8Bytes { b -> Bool? in
                // ASCII check and hash in one pass.
                var h: UInt64 = 0xcbf2_9ce4_8422_2325, acc: UInt8 = 0
                for c in b { acc |= c; h = (h ^ UInt64(Glob.lower(c))) &* 0x100_0000_01b3 }
                guard acc < 0x80 else { return nil }
                var at = Int(truncatingIfNeeded: h) & mask
                while slots[at] != 0 {
                    if hashes[at] == h && Self.equalLower(keys[slots[at] - 1], b) { return true }
                    at = (at + 1) & mask
                }
                for (i, g) in globs.enumerated() {
                    // `literal?*` (every template today): the literal as a prefix, then at least one byte.
                    if let literal = templatePrefixes[i] {
                        if b.count > literal.count && Self.equalLower(literal, UnsafeBufferPointer(rebasing: b[..<literal.count])) { return true }
                    } else if g.withUnsafeBufferPointer({ Glob.matchBytes($0, b, caseInsensitive: true) }) {
                        return true
                    }
                }
                return false
            }
        }

        /// FNV-1a over the lower-cased bytes.
        static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in b { h = (h ^ UInt64(Glob.lower(c))) &* 0x100_0000_01b3 }
            return h
        }

        static func equalLower(_ lowered: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard lowered.count == b.count else { return false }
            for i in 0..<b.count where Glob.lower(b[i]) != lowered[i] { return false }
            return true
        }
    }
}
