import Foundation
import Testing
@testable import IAMKit

/// Every generic rule over AWS's 1,485 managed policies (moto 5.2.1's copy): no crash, sane output.
@Suite("Generic rules over the managed-policy corpus")
struct RuleCorpusTests {
    static var fixtureDir: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
    }

    @Test func lintsEveryManagedPolicy() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.fixtureDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        #expect(files.count >= 1_485)
        var total = 0
        var bySlug: [String: Int] = [:]
        let start = Date()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let (policy, doc) = try PolicyParser.parse(text, kind: .identity)
            let findings = PolicyRules.run(policy, context: PolicyContext(name: file.lastPathComponent, document: doc,
                                                                           managedARN: "arn:aws:iam::aws:policy/\(file.deletingPathExtension().lastPathComponent)"))
            for f in findings {
                #expect(!f.message.isEmpty)
                // Every pointer resolves to a place in the file.
                #expect(doc.root.node(at: f.pointer) != nil || f.pointer.isEmpty, "\(file.lastPathComponent): \(f.pointer)")
                bySlug[f.slug, default: 0] += 1
            }
            total += findings.count
        }
        let elapsed = Date().timeIntervalSince(start)
        print("corpus: \(files.count) policies, \(total) findings in \(String(format: "%.2f", elapsed)) s: \(bySlug.sorted { $0.key < $1.key })")
        // AdministratorAccess-style policies must be seen as such.
        #expect((bySlug["wildcard-action"] ?? 0) > 0)
        #expect((bySlug["privilege-escalation"] ?? 0) > 0)
    }

    @Test func administratorAccessIsFlagged() throws {
        let text = try String(contentsOf: Self.fixtureDir.appendingPathComponent("AdministratorAccess.json"), encoding: .utf8)
        let (policy, doc) = try PolicyParser.parse(text)
        let slugs = Set(PolicyRules.run(policy, context: PolicyContext(document: doc)).map(\.slug))
        #expect(slugs.isSuperset(of: ["wildcard-action", "wildcard-resource", "privilege-escalation"]))
    }
}
