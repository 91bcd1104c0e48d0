import Foundation
import IAMKit

/// The output of `aws iam get-account-authorization-details`: roles with their inline policies,
/// attached managed policies (resolved to their default version), boundaries and trust policies.
///
/// Documents may be JSON objects (the CLI decodes them) or URL-encoded strings (the raw API);
/// both are read. Pointers of object documents point into the bundle file, so findings and
/// simulator answers can name the line.
public struct RoleBundle: Sendable {
    /// One role from the bundle with its policies resolved.
    public struct Role: Sendable {
        public var name: String
        public var arn: String?
        public var identity: [NamedPolicy]
        public var boundary: NamedPolicy?
        public var trust: Policy?
        /// Attached managed policies whose document the bundle does not include.
        public var unresolved: [String]
    }

    public var document: JSONDocument
    public var roleNames: [String]
    private var roleNodes: [JSONNode]
    private var managed: [String: JSONNode]

    /// Whether text looks like a bundle rather than a single policy.
    public static func isBundle(_ root: JSONNode) -> Bool { root["RoleDetailList"] != nil }

    /// Reads a parsed bundle.
    public init(document: JSONDocument) throws(ExecRoleError) {
        self.document = document
        guard let roles = document.root["RoleDetailList"]?.array else {
            throw ExecRoleError("not an authorization-details bundle: no \"RoleDetailList\" array", at: document.root.position)
        }
        roleNodes = roles.filter { $0["RoleName"]?.string != nil }
        roleNames = roleNodes.compactMap { $0["RoleName"]?.string }
        var m: [String: JSONNode] = [:]
        for p in document.root["Policies"]?.array ?? [] {
            guard let arn = p["Arn"]?.string, let versions = p["PolicyVersionList"]?.array else { continue }
            let def = p["DefaultVersionId"]?.string
            let chosen = versions.first { $0["IsDefaultVersion"]?.bool == true } ?? versions.first { $0["VersionId"]?.string == def }
            if let doc = chosen?["Document"] { m[arn] = doc }
        }
        managed = m
    }

    /// The role named `name` (or the only role when `name` is nil).
    public func role(_ name: String?) throws(ExecRoleError) -> Role {
        let node: JSONNode
        if let name {
            guard let n = roleNodes.first(where: { $0["RoleName"]?.string == name }) else {
                throw ExecRoleError("no role \"\(name)\" in the bundle (roles: \(roleNames.joined(separator: ", ")))", flag: "--role")
            }
            node = n
        } else {
            guard roleNodes.count == 1 else {
                throw ExecRoleError("the bundle has \(roleNodes.count) roles: pass --role NAME (one of: \(roleNames.prefix(20).joined(separator: ", ")))", flag: "--role")
            }
            node = roleNodes[0]
        }
        let roleName = node["RoleName"]?.string ?? "role"
        var identity: [NamedPolicy] = []
        for p in node["RolePolicyList"]?.array ?? [] {
            if let doc = p["PolicyDocument"], let policy = Self.policy(doc, kind: .identity) {
                identity.append(NamedPolicy(name: "\(roleName)/\(p["PolicyName"]?.string ?? "inline")", policy: policy))
            }
        }
        var unresolved: [String] = []
        for a in node["AttachedManagedPolicies"]?.array ?? [] {
            guard let arn = a["PolicyArn"]?.string else { continue }
            if let doc = managed[arn], let policy = Self.policy(doc, kind: .identity) {
                identity.append(NamedPolicy(name: arn, policy: policy))
            } else if let builtin = Self.builtinManaged[arn], let policy = try? PolicyParser.parse(builtin).0 {
                identity.append(NamedPolicy(name: arn, policy: policy))
            } else {
                unresolved.append(arn)
            }
        }
        var boundary: NamedPolicy?
        if let b = node["PermissionsBoundary"]?["PermissionsBoundaryArn"]?.string {
            if let doc = managed[b], let policy = Self.policy(doc, kind: .identity) { boundary = NamedPolicy(name: b, policy: policy) }
            else if let builtin = Self.builtinManaged[b], let policy = try? PolicyParser.parse(builtin).0 { boundary = NamedPolicy(name: b, policy: policy) }
            else { unresolved.append(b) }
        }
        let trust = node["AssumeRolePolicyDocument"].flatMap { Self.policy($0, kind: .trust) }
        return Role(name: roleName, arn: node["Arn"]?.string, identity: identity, boundary: boundary, trust: trust, unresolved: unresolved)
    }

    /// A policy from an object node or a URL-encoded JSON string.
    static func policy(_ node: JSONNode, kind: PolicyKind) -> Policy? {
        if node.members != nil { return PolicyParser.parse(node, kind: kind) }
        guard let s = node.string else { return nil }
        let text = s.removingPercentEncoding ?? s
        return try? PolicyParser.parse(text, kind: kind).0
    }

    /// AWS managed policies the bundle may list without their document.
    static let builtinManaged: [String: String] = [
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy": """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}
        """,
    ]
}
