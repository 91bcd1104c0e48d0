import Foundation
import Testing
@testable import IAMKit

/// `unknown-condition-key`'s fast paths (the byte table of global keys, the byte helpers of the
/// rule, one global-key lookup per condition) answer exactly like the definitions they replace.
@Suite("Condition-key fast paths against their definitions")
struct ConditionKeyFastPathTests {
    /// Keys to ask about: every global key and every key of a sample of services, in three
    /// casings, plus templates, typos and non-ASCII spellings.
    static let keys: [String] = {
        var keys = GlobalConditionKeys.all.map(\.name)
        let catalog = ActionCatalog.shared
        for (i, prefix) in catalog.servicePrefixes.enumerated() where i % 7 == 0 || ["kms", "s3", "ecr", "ssm"].contains(prefix) {
            keys += catalog.service(prefix)?.conditionKeys.map(\.name) ?? []
        }
        keys += ["aws:PrincipalTag/team", "aws:principaltag/", "AWS:RESOURCETAG/Env", "aws:RequestTag/a/b", "aws:SourceAcount",
                 "aws:sourcevpce", "aws:", "aws", "", ":", "kms:ViaService", "kms:ViaServices", "kms:", "nosuch:Key",
                 "aws:Source\u{212A}ey", "aws:SourceAccount\u{301}", "\u{212A}ms:ViaService", "aws:PrincipalTag/\u{E9}quipe",
                 "AWS\u{301}:SourceAccount", "aws:userid", "AWS:USERNAME", "ec2:RoleDelivery", "glue:RoleAssumedBy"]
        return keys.flatMap { [$0, $0.lowercased(), $0.uppercased()] }
    }()

    @Test func globalKeysByBytesMatchTheLowerCasedLookup() {
        var global = 0
        for key in Self.keys {
            let want = GlobalConditionKeys.containsByLowercasing(key)
            #expect(GlobalConditionKeys.contains(key) == want, "\(key)")
            if want { global += 1 }
        }
        #expect(global > 150)
    }

    @Test func byteHelpersMatchTheirDefinitions() {
        let items = Self.keys + ["s3:Get*", "S3:GET*", "ecr*", "*", "e\u{301}cr:Get", "ecr:\u{301}Get", "ec\u{212A}:x", "abcdefghijklmnopq:x"]
        for item in items {
            let want: String? = item.firstIndex(of: ":").map { String(item[..<$0]).lowercased() }
            #expect(UnknownConditionKeyRule.servicePrefix(item) == want, "\(item)")
            #expect(UnknownConditionKeyRule.hasAWSPrefix(item) == item.lowercased().hasPrefix("aws:"), "\(item)")
            #expect(UnknownConditionKeyRule.keyPrefix(item) == item.firstIndex(of: ":").map { String(item[..<$0]) }, "\(item)")
        }
    }

    @Test func ruleMatchesItsDefinitionOnTheCorpus() throws {
        var findings = 0
        for policy in RuleFastPathTests.corpus {
            let fast = UnknownConditionKeyRule.check(policy: policy, context: PolicyContext())
            let slow = UnknownConditionKeyReference.check(policy: policy, context: PolicyContext())
            #expect(fast == slow)
            findings += fast.count
        }
        #expect(findings > 10)
        for key in Self.keys {
            for actions in [#""kms:Decrypt""#, #"["s3:Get*","ECR:BatchGetImage"]"#, #""*""#, #"["ecr*","nosuch:x","kms:*"]"#] {
                let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"# + actions
                    + #","Resource":"*","Condition":{"StringEquals":{"# + "\"\(key)\"" + #":"x"}}}]}"#
                guard let policy = try? PolicyParser.parse(text).0 else { continue }
                #expect(UnknownConditionKeyRule.check(policy: policy, context: PolicyContext())
                        == UnknownConditionKeyReference.check(policy: policy, context: PolicyContext()), "\(key) \(actions)")
            }
        }
    }
}

/// `UnknownConditionKeyRule.check` as it was before its fast paths: the reference of the tests.
enum UnknownConditionKeyReference {
    static func check(policy: Policy, context: PolicyContext) -> [Finding] {
        let description = UnknownConditionKeyRule.description
        let catalog = RuleSupport.catalog
        var out: [Finding] = []
        let resolved = context.memo.resolvedActions(policy)
        for (si, st) in policy.statements.enumerated() where !st.conditions.isEmpty {
            var services = Set<String>()
            for (ii, item) in (st.action?.negated == false ? st.action!.items : []).enumerated() {
                if let a = resolved[si][ii] { services.insert(a.service); continue }
                let v = item.value
                guard let c = v.firstIndex(of: ":") else { continue }
                let prefix = String(v[..<c]).lowercased()
                if catalog.hasService(prefix) { services.insert(prefix) }
            }
            for c in st.conditions {
                if !catalog.conditionKeyExists(c.key) {
                    out.append(description.finding("condition key \"\(c.key)\" is not a global key and no service defines it: it is never in the request context",
                                                   fix: "Check the spelling against the service's condition keys.", at: c.pointer))
                } else if !services.isEmpty, !c.key.lowercased().hasPrefix("aws:"),
                          !services.contains(where: { catalog.conditionKeyKnown(c.key, forService: $0) }) {
                    out.append(description.finding(
                        "condition key \"\(c.key)\" is not defined for \(RuleSupport.list(services.sorted(), limit: 3)): requests for \(st.label)'s actions do not carry it",
                        fix: "Use a key the service of the actions defines, or move the condition to the right statement.",
                        at: c.pointer, severity: .low))
                }
            }
        }
        return out
    }
}
