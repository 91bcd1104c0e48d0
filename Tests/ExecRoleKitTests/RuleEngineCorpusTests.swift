import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// The whole engine (generic and execution-role rules) over the 1,485 AWS managed policies, each as
/// the only identity policy of an execution role: no crash, every finding pinned and sorted.
@Suite("Engine over the managed-policy corpus")
struct RuleEngineCorpusTests {
    @Test func everyManagedPolicyAsAnExecutionRole() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IAMKitTests/Fixtures/managed")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        #expect(files.count >= 1_485)
        var total = 0
        for file in files {
            let (p, doc) = try PolicyParser.parse(String(contentsOf: file, encoding: .utf8))
            let name = file.deletingPathExtension().lastPathComponent
            let role = RoleUnderReview(name: name, identityPolicies: [PolicySource(name: name, policy: p, document: doc, managedARN: "arn:aws:iam::aws:policy/\(name)")])
            let findings = LintEngine.run(role)
            for f in findings where f.document == name {
                #expect(f.position != nil, "\(name): \(f.slug) \(f.pointer)")
            }
            let lines = findings.compactMap { $0.document == name ? $0.position.map { $0.line * 100_000 + $0.column } : nil }
            #expect(lines == lines.sorted(), "\(name): findings not sorted")
            #expect(findings.contains { $0.slug == "managed-policy-broad" })
            total += findings.count
        }
        #expect(total > files.count)
    }
}
