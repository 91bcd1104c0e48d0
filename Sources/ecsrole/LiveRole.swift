import AWSKit
import Foundation
import IAMKit

/// Fetches a role from the live account and presents it as an `aws iam get-account-authorization-details`
/// bundle, so `lint --role` and `simulate --role` read a live role through the same code path as a
/// saved bundle. Findings' line numbers refer to this bundle's text (labelled `iam:role/NAME`).
enum LiveRole {
    /// The label used as the "file" of a live role.
    static func label(_ role: String) -> String { "iam:role/\(role.split(separator: "/").last.map(String.init) ?? role)" }

    /// Reads the role (metadata and policy documents only) and returns the bundle's text.
    static func bundleText(role: String, profile: String?, region: String?) async throws -> String {
        let client = try await AWSClient.resolve(profile: profile, region: region)
        let docs = try await RoleFetcher(client: client).fetch(role: role)
        return JSONWriter.pretty(bundle(docs))
    }

    /// The bundle JSON for fetched role documents.
    static func bundle(_ d: RoleDocuments) -> JSON {
        func doc(_ text: String) -> JSON { (try? JSONParser.parse(text).root.json) ?? .string(text) }
        let inline = d.inlinePolicies.sorted { $0.key < $1.key }
        let attached = d.attachedPolicies.sorted { $0.key < $1.key }
        let role: JSON = .obj([
            ("RoleName", .string(d.name)), ("Arn", .string(d.arn)),
            ("AssumeRolePolicyDocument", doc(d.trustPolicy)),
            ("RolePolicyList", .array(inline.map { .obj([("PolicyName", .string($0.key)), ("PolicyDocument", doc($0.value))]) })),
            ("AttachedManagedPolicies", .array(attached.map {
                .obj([("PolicyName", .string(String($0.key.split(separator: "/").last ?? ""))), ("PolicyArn", .string($0.key))])
            })),
        ])
        let policies: [JSON] = attached.map {
            .obj([("PolicyName", .string(String($0.key.split(separator: "/").last ?? ""))), ("Arn", .string($0.key)),
                  ("DefaultVersionId", .string("v1")),
                  ("PolicyVersionList", .array([.obj([("Document", doc($0.value)), ("VersionId", .string("v1")), ("IsDefaultVersion", .bool(true))])]))])
        }
        return .obj([("RoleDetailList", .array([role])), ("Policies", .array(policies))])
    }
}
