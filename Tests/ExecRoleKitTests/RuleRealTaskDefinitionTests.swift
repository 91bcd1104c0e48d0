import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// The rules over real task definitions (aws-samples FireLens examples and the ECS guide's JSON,
/// MIT-0; see Fixtures/taskdefs/README.md): no crash, every finding pinned, and wherever ecsrole can
/// generate a policy, that policy satisfies every need the task has.
@Suite("Rules over real task definitions")
struct RuleRealTaskDefinitionTests {
    static var files: [URL] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/taskdefs")
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    static let managedPolicyContent = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#

    @Test func everyTaskDefinitionLints() throws {
        #expect(Self.files.count >= 20)
        var generatedClean = 0
        for file in Self.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let td = try? TaskDefinitionImporter.parse(text) else { continue }
            var role = try RoleFixture.role(policy: Self.managedPolicyContent)
            role.taskDefinition = td
            for f in LintEngine.run(role) where f.document == "taskdef" {
                #expect(f.position != nil, "\(file.lastPathComponent): \(f.slug) at \(f.pointer)")
            }
            // Where the generator can produce a policy, it must satisfy every need it computed.
            let ctx = SpecBuilder.Context(account: "111122223333", region: "us-east-1")
            guard let (spec, _) = try? SpecBuilder(context: ctx).build(td) else { continue }
            let policy = JSONWriter.pretty(PolicyGenerator.identityPolicy(spec))
            let clean = try RoleFixture.lint(policy: policy, taskdef: text, context: ctx)
                .filter { ["task-need-denied", "create-group-missing", "s3-location-missing", "kms-decrypt-missing"].contains($0.slug) && $0.severity > .info }
            #expect(clean.isEmpty, "\(file.lastPathComponent): \(clean.map(\.message))")
            generatedClean += 1
        }
        #expect(generatedClean >= 5)
    }
}
