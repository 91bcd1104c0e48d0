import ExecRoleKit
import IAMKit
import Testing

/// One case per example of every rule (generic and role rules): triggering examples must produce
/// the rule's slug, passing ones must not. The examples are the docs, so the docs stay true.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleDescription
    var index: Int
    var example: RuleExample { rule.examples[index] }
    var testDescription: String { "\(rule.slug) #\(index) (\(example.triggers ? "triggers" : "passes"))" }

    static var all: [RuleExampleCase] {
        LintEngine.allRules.flatMap { r in r.examples.indices.map { RuleExampleCase(rule: r, index: $0) } }
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test(arguments: RuleExampleCase.all)
    func example(_ c: RuleExampleCase) throws {
        let role = try c.example.makeRole()
        let findings = LintEngine.run(role, only: [c.rule.slug])
        let hits = findings.filter { $0.slug == c.rule.slug }
        if c.example.triggers {
            #expect(!hits.isEmpty, "expected \(c.rule.slug) to fire on \(c.example.documents.map(\.text))")
            for f in hits {
                #expect(f.rule == c.rule.id)
                #expect(!f.message.isEmpty && !f.fix.isEmpty)
                // Every finding that points into a document is pinned to a line.
                if !f.pointer.isEmpty && f.document != role.name { #expect(f.position != nil, "no position for \(f.pointer)") }
            }
        } else {
            #expect(hits.isEmpty, "expected no \(c.rule.slug), got: \(hits.map(\.message))")
        }
    }

    @Test func idsAndSlugsAreUniqueAndWellFormed() {
        let rules = LintEngine.allRules
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(Set(rules.map(\.slug)).count == rules.count)
        for r in rules {
            #expect(r.slug.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "slug \(r.slug)")
            #expect(r.examples.contains { $0.triggers }, "\(r.slug) has no triggering example")
            #expect(r.examples.contains { !$0.triggers }, "\(r.slug) has no passing example")
            #expect(!r.rationale.isEmpty && !r.fix.isEmpty && !r.title.isEmpty)
        }
    }

    @Test func everySlugOfThePublicInterfaceExists() {
        let slugs = Set(LintEngine.allRules.map(\.slug))
        let expected = ["log-stream-arn", "create-group-missing", "ssm-arn-form", "secret-ref-tail", "secret-suffix",
                        "ssm-secret-reference", "kms-alias-resource", "kms-decrypt-missing", "auth-token-scoped",
                        "condition-key-absent", "wrong-role", "s3-location-missing", "trust-cluster-arn", "policy-size",
                        "task-need-denied", "wildcard-action", "wildcard-resource", "not-action-allow", "not-resource-allow",
                        "privilege-escalation", "data-exfiltration", "resource-exposure", "credentials-exposure",
                        "infrastructure-modification", "unknown-action", "unknown-service", "resource-mismatch",
                        "unknown-condition-key", "grammar", "duplicate-sid", "redundant-statement", "trust-principal",
                        "trust-confused-deputy", "managed-policy-broad", "container-root-user", "container-privileged",
                        "container-writable-root", "container-capabilities", "plaintext-secret-env", "image-unpinned",
                        "same-exec-and-task-role"]
        for s in expected { #expect(slugs.contains(s), "missing \(s)") }
        #expect(slugs.count == expected.count)
    }
}
