import Foundation

/// The policy documents of one IAM role, as JSON text for IAMKit to parse.
public struct RoleDocuments: Sendable, Equatable {
    public var name: String
    public var arn: String
    /// The trust (assume-role) policy, URL-decoded.
    public var trustPolicy: String
    /// Inline policy name -> policy JSON.
    public var inlinePolicies: [String: String]
    /// Attached managed policy ARN -> its default version's JSON.
    public var attachedPolicies: [String: String]

    public init(name: String, arn: String, trustPolicy: String, inlinePolicies: [String: String], attachedPolicies: [String: String]) {
        self.name = name; self.arn = arn; self.trustPolicy = trustPolicy
        self.inlinePolicies = inlinePolicies; self.attachedPolicies = attachedPolicies
    }
}

/// Reads an existing role's trust policy, inline policies and attached managed policies (default versions).
///
/// IAM returns policy documents URL-encoded inside the XML; they are decoded here so callers get JSON.
public struct RoleFetcher: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    /// - Parameter role: a role name, or a role ARN (its last path segment is the name).
    public func fetch(role: String) async throws -> RoleDocuments {
        let name = role.hasPrefix("arn:") ? String(role.split(separator: "/").last ?? Substring(role)) : role
        let roleNode = try await client.query(.iamGetRole, ["RoleName": name]).first("Role")
        guard let roleNode, let arn = roleNode.child("Arn")?.text else {
            throw AWSError(service: "iam", code: "InvalidResponse", message: "GetRole answer has no Role", httpStatus: 200, operation: "GetRole")
        }
        let trust = Self.decode(roleNode.child("AssumeRolePolicyDocument")?.text ?? "")

        async let inlineTask = inlinePolicies(name)
        async let attachedTask = attachedPolicies(name)
        return RoleDocuments(name: roleNode.child("RoleName")?.text ?? name, arn: arn, trustPolicy: trust,
                             inlinePolicies: try await inlineTask, attachedPolicies: try await attachedTask)
    }

    private func inlinePolicies(_ role: String) async throws -> [String: String] {
        let names = try await client.paginateQuery(.iamListRolePolicies, ["RoleName": role], pageSize: nil).flatMap {
            ($0.child("PolicyNames")?.children("member") ?? []).map(\.text)
        }
        var result: [String: String] = [:]
        for policy in names {
            let root = try await client.query(.iamGetRolePolicy, ["RoleName": role, "PolicyName": policy])
            result[policy] = Self.decode(root.first("PolicyDocument")?.text ?? "")
        }
        return result
    }

    private func attachedPolicies(_ role: String) async throws -> [String: String] {
        let arns = try await client.paginateQuery(.iamListAttachedRolePolicies, ["RoleName": role], pageSize: nil).flatMap {
            ($0.child("AttachedPolicies")?.children("member") ?? []).compactMap { $0.child("PolicyArn")?.text }
        }
        var result: [String: String] = [:]
        for arn in arns {
            let policy = try await client.query(.iamGetPolicy, ["PolicyArn": arn]).first("Policy")
            guard let version = policy?.child("DefaultVersionId")?.text else { continue }
            let doc = try await client.query(.iamGetPolicyVersion, ["PolicyArn": arn, "VersionId": version]).first("Document")
            result[arn] = Self.decode(doc?.text ?? "")
        }
        return result
    }

    /// IAM documents are percent-encoded (RFC 3986) inside the XML; a document that is already plain
    /// JSON (some emulators) passes through unchanged.
    static func decode(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("{") { return t }
        return t.removingPercentEncoding ?? t
    }
}
