@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// The role rules that walk `RoleIndex.resources(of:)`, `anyAllows` and byte-compared condition
/// keys find exactly what their previous definitions (`RoleRuleReference`) found.
@Suite("Role rule shortcuts against their definitions")
struct RoleRuleShortcutTests {
    typealias Check = @Sendable (RoleUnderReview) -> [RoleFinding]

    static let pairs: [(String, Check, Check)] = [
        ("ssm-arn-form", SSMARNFormRule.check, RoleRuleReference.SSMARNForm.check),
        ("secret-ref-tail", SecretRefTailRule.check, RoleRuleReference.SecretRefTail.check),
        ("secret-suffix", SecretSuffixRule.check, RoleRuleReference.SecretSuffix.check),
        ("log-stream-arn", LogStreamARNRule.check, RoleRuleReference.LogStreamARN.check),
        ("kms-alias-resource", KMSAliasResourceRule.check, RoleRuleReference.KMSAliasResource.check),
        ("create-group-missing", CreateGroupMissingRule.check, RoleRuleReference.CreateGroupMissing.check),
        ("s3-location-missing", S3LocationMissingRule.check, RoleRuleReference.S3LocationMissing.check),
        ("ssm-secret-reference", SSMSecretReferenceRule.check, RoleRuleReference.SSMSecretReference.check),
        ("kms-decrypt-missing", KMSDecryptMissingRule.check, RoleRuleReference.KMSDecryptMissing.check),
        ("auth-token-scoped", AuthTokenScopedRule.check, RoleRuleReference.AuthTokenScoped.check),
        ("condition-key-absent", ConditionKeyAbsentRule.check, RoleRuleReference.ConditionKeyAbsent.check),
    ]

    /// Findings compared by what they say and where.
    static func same(_ a: [RoleFinding], _ b: [RoleFinding]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.finding == $1.finding && $0.document == $1.document }
    }

    func expectReference(_ role: RoleUnderReview, _ label: String) -> Int {
        var found = 0
        for (slug, fast, slow) in Self.pairs {
            let got = fast(role)
            #expect(Self.same(got, slow(role)), "\(label): \(slug)")
            found += got.count
        }
        return found
    }

    func role(_ texts: [String], taskdef: String? = nil) throws -> RoleUnderReview {
        var role = RoleUnderReview(name: "r")
        for (i, text) in texts.enumerated() {
            let (p, doc) = try PolicyParser.parse(text, kind: .identity)
            role.identityPolicies.append(PolicySource(name: "p\(i)", policy: p, document: doc))
        }
        if let taskdef { role.taskDefinition = try TaskDefinitionImporter.parse(taskdef) }
        return role
    }

    @Test func ruleExamplesAndTrickyPolicies() throws {
        var found = 0
        for rule in LintEngine.allRules {
            for (i, example) in rule.examples.enumerated() { found += expectReference(try example.makeRole(), "\(rule.slug) #\(i)") }
        }
        found += expectReference(try role([RoleIndexTests.trickyResources, RoleIndexTests.tricky]), "tricky")
        var kms = try role([RoleIndexTests.trickyResources])
        kms.taskContext.kmsKeys = ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
        found += expectReference(kms, "kms keys")
        #expect(found > 20)
    }

    @Test func managedPoliciesAndTaskDefinitions() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let dir = here.deletingLastPathComponent().appendingPathComponent("IAMKitTests/Fixtures/managed")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        var found = 0
        for (i, file) in files.enumerated() where i % 3 == 0 {
            found += expectReference(try role([String(contentsOf: file, encoding: .utf8)]), file.lastPathComponent)
        }
        #expect(found > 50)
        for file in RuleRealTaskDefinitionTests.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard (try? TaskDefinitionImporter.parse(text)) != nil else { continue }
            _ = expectReference(try role([RoleIndexTests.trickyResources, RuleRealTaskDefinitionTests.managedPolicyContent], taskdef: text), file.lastPathComponent)
        }
    }

    @Test func conditionKeyKindsByBytes() {
        let keys = ["aws:SourceAccount", "AWS:SOURCEARN", "aws:sourceorgid", "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SOURCEVPCE",
                    "aws:SourceVpcArn", "aws:SourceIp", "aws:sourceaccoun", "aws:sourceaccountx", "", "aws:", "kms:ViaService",
                    "aws:Source\u{212A}ey", "aws:SourceAccount\u{301}", "\u{212A}ms:x", "aws:sourcevpc\u{E9}"]
        for key in keys {
            #expect(ConditionKeyAbsentRule.kind(of: key) == ConditionKeyAbsentRule.kindByLowercasing(key), "\(key)")
        }
    }
}
