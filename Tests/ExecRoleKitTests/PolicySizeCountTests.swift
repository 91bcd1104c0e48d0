@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `policy-size` counts the policy's own node inside a bigger document (the count itself,
/// `JSONNode.compactScalarCount`, is tested in IAMKit's `JSONNodeSizeTests`).
@Suite("Policy size count")
struct PolicySizeCountTests {
    @Test func policyInsideABundle() throws {
        let text = try Fixtures.text("bundle/authorization-details.json")
        let doc = try JSONParser.parse(text)
        let node = try #require(doc.root.node(at: "/RoleDetailList/0/RolePolicyList/0/PolicyDocument"))
        let (policy, _) = try PolicyParser.parse(JSONWriter.pretty(node.json))
        // Pointers as the bundle reader sets them: relative to the whole file.
        var located = policy
        located.version?.pointer = "/RoleDetailList/0/RolePolicyList/0/PolicyDocument/Version"
        let root = try #require(PolicySizeRule.rootNode(located, doc))
        #expect(root.pointer == "/RoleDetailList/0/RolePolicyList/0/PolicyDocument")
        #expect(PolicySizeRule.size(of: PolicySource(name: "x", policy: located, document: doc)) == JSONWriter.compactScalarCount(node.json))
    }

    @Test func headBeforeTheLastMarker() {
        #expect(PolicySizeRule.head(of: "/a/Statement/b/Statement/3", before: "/Statement") == "/a/Statement/b")
        #expect(PolicySizeRule.head(of: "/Version", before: "/Version") == "")
        #expect(PolicySizeRule.head(of: "/x/y", before: "/Statement") == "/x/y")
        #expect(PolicySizeRule.head(of: "/\u{E9}t\u{E9}/Version", before: "/Version") == "/\u{E9}t\u{E9}")
    }
}
