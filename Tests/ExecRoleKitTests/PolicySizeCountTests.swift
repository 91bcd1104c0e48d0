@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `policy-size` counts the parsed nodes directly; the count must stay `JSONWriter`'s count of the
/// same value (IAM's "characters without whitespace").
@Suite("Policy size count")
struct PolicySizeCountTests {
    func expectWriterCount(_ text: String, _ label: String) throws {
        let doc = try JSONParser.parse(text)
        #expect(doc.root.compactScalarCount == JSONWriter.compactScalarCount(doc.root.json), "\(label)")
    }

    @Test func escapesNumbersAndUnicode() throws {
        try expectWriterCount(#"{"a":"q\"b\\c\n\r\t\u0001\u001f é 日本 😀","n":[1,-2.5e10,0,true,false,null],"o":{},"e":[]}"#, "mixed")
        try expectWriterCount(#"  [ "x" , { "k" : [ [ ] ] } ]  "#, "whitespace")
        try expectWriterCount(#""""#, "empty string")
        try expectWriterCount(#"{"a":1,"a":2}"#, "duplicate keys")
    }

    @Test func fixtureDocuments() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for sub in ["ExecRoleKitTests/Fixtures", "CLITests/Fixtures"] {
            let base = tests.appendingPathComponent(sub)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let rel as String in walk where rel.hasSuffix(".json") {
                let text = try String(contentsOf: base.appendingPathComponent(rel), encoding: .utf8)
                guard (try? JSONParser.parse(text)) != nil else { continue }
                try expectWriterCount(text, rel)
                checked += 1
            }
        }
        #expect(checked > 20)
    }

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
