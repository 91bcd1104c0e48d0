@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `RoleIndex` answers "which statements cover / name this action?" from the services the items
/// name; these tests hold it to the naive scan (a glob over every item of every statement).
@Suite("Role statement index")
struct RoleIndexTests {
    /// Actions the role rules ask about, plus spellings that stress the key logic.
    static let actions = [
        "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "kms:Decrypt", "s3:GetObject", "s3:GetBucketLocation",
        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "ssm:GetParameters", "ssm:GetParameter",
        "secretsmanager:GetSecretValue", "ECR:getauthorizationtoken", "*", "ecr", "ecr:", ":", "", "s3",
        "x:GetObject", "ecr*:Get", "\u{212A}ms:Decrypt", "kms:d\u{E9}crypt", "kms:DECRYPT\u{212A}", "logs:Create\u{212A}",
    ]

    /// Wildcards in the service part, NotAction, empty lists, case, items without a colon, and
    /// non-ASCII items (the Kelvin sign lower-cases to `k`).
    static let tricky = #"""
    {"Version":"2012-10-17","Statement":[
     {"Effect":"Allow","Action":"*","Resource":"*"},
     {"Effect":"Allow","Action":["ECR:*","e?r:Get*"],"Resource":"*"},
     {"Effect":"Deny","NotAction":["kms:*","s3:Get*"],"Resource":"*"},
     {"Effect":"Allow","NotAction":"ecr:GetAuthorizationToken","Resource":"*"},
     {"Effect":"Allow","Action":["ecr*","*:GetObject","s3","::s3:GetObject",":"],"Resource":"*"},
     {"Effect":"Allow","Action":["kms:D\u00e9crypt","KMS:DECRYPT","logs:Create*","\u212Ams:Decrypt","kms:DecryptK","logs:Create\u00e9*"],"Resource":"*"},
     {"Effect":"Allow","Action":[],"Resource":"*"},
     {"Effect":"Allow","NotAction":[],"Resource":"*"},
     {"Effect":"Allow","Resource":"*"},
     {"Effect":"Deny","Action":["s3:getobject","ssm:GetParameter*","secretsmanager:*"],"Resource":"*"}
    ]}
    """#

    func role(_ texts: [String]) throws -> RoleUnderReview {
        var role = RoleUnderReview(name: "r")
        for (i, text) in texts.enumerated() {
            let (p, doc) = try PolicyParser.parse(text, kind: .identity)
            role.identityPolicies.append(PolicySource(name: "p\(i)", policy: p, document: doc))
        }
        return role
    }

    /// Every query of the index against the naive scan, for every action in `actions`.
    func expectNaive(_ role: RoleUnderReview, _ label: String) {
        let index = role.index
        let all = index.statements
        #expect(all.count == role.identityPolicies.reduce(0) { $0 + $1.policy.statements.count }, "\(label)")
        func ids(_ xs: [RoleStatement]) -> [ObjectIdentifier] { xs.map(ObjectIdentifier.init) }
        func naiveItems(_ st: RoleStatement, _ a: String) -> [String] {
            guard let list = st.statement.action, !list.negated else { return [] }
            return list.items.filter { Glob.matches($0.value, a, caseInsensitive: true) }.map(\.value)
        }
        // The Resources sorted out by service, in statement and item order: every one that parses
        // as the service's ARN, and only ones `mayNameService` lets through.
        for s in RoleIndex.ARNService.allCases {
            let got = index.resources(of: s).map { (ObjectIdentifier($0.statement), $0.resource.value, $0.resource.pointer) }
            var i = 0
            for st in all {
                for r in st.resources {
                    let listed = i < got.count && got[i] == (ObjectIdentifier(st), r.value, r.pointer)
                    if listed { i += 1 }
                    if RoleSupport.arn(r.value, service: s.name) != nil { #expect(listed, "\(label): \(r.value) is a \(s.name) ARN") }
                    if listed { #expect(RoleSupport.mayNameService(r.value, s.name), "\(label): \(r.value) listed for \(s.name)") }
                }
            }
            #expect(i == got.count, "\(label): resources of \(s.name) in order")
            var withResources: [ObjectIdentifier] = []
            for x in got where withResources.last != x.0 { withResources.append(x.0) }
            #expect(ids(index.statements(withResourcesOf: s)) == withResources, "\(label): \(s.name)")
        }
        for a in Self.actions {
            let covering = all.filter { RoleSupport.actionMatches($0.statement.action, a) }
            #expect(ids(index.covering(a)) == ids(covering), "\(label): covering \(a)")
            #expect(ids(index.allows(a)) == ids(covering.filter { $0.statement.effect == .allow }), "\(label): allows \(a)")
            #expect(index.anyAllows(a) == !index.allows(a).isEmpty, "\(label): any allows \(a)")
            #expect(ids(index.naming(a)) == ids(all.filter { !naiveItems($0, a).isEmpty }), "\(label): naming \(a)")
            for st in all {
                #expect(st.items(naming: a).map(\.value) == naiveItems(st, a), "\(label): items of \(st.statement.label) naming \(a)")
                #expect(st.covers(action: a) == RoleSupport.actionMatches(st.statement.action, a), "\(label): \(st.statement.label) covers \(a)")
            }
        }
    }

    @Test func keys() {
        let none = ActionKey.none
        #expect(ActionKey.item("ecr:Get*") == ActionKey.query("ECR:GetAuthorizationToken"))
        #expect(ActionKey.item("ECR:*") == ActionKey.item("ecr:BatchGetImage"))
        #expect(ActionKey.item("s3") == ActionKey.query("s3:GetObject"))
        #expect(ActionKey.item("ecr:*") != ActionKey.query("ecs:RunTask"))
        #expect(ActionKey.item("ecr:*") != ActionKey.query("ecrx:Get"))
        #expect(ActionKey.item("s3:GetObject") != none)
        #expect(ActionKey.item(":x") == none, "an empty service part is not a service")
        #expect(ActionKey.item("*") == none)
        #expect(ActionKey.item("e?r:Get*") == none)
        #expect(ActionKey.item("ecr*") == none)
        #expect(ActionKey.item("\u{212A}ms:Decrypt") == none)
        #expect(ActionKey.item("kms:D\u{E9}crypt") == ActionKey.query("KMS:Decrypt"), "only the service part must be ASCII")
        #expect(ActionKey.item("k\u{E9}s:Decrypt") == none)
        #expect(ActionKey.query("ECR:Get*") == ActionKey.item("ecr:x"), "wildcards in an action are plain characters")
        #expect(ActionKey.query("\u{212A}ms:Decrypt") == none)
        #expect(ActionKey.query("kms:\u{212A}ey") == ActionKey.item("kms:*"))
        #expect(ActionKey.mayMatch(none, 7) && ActionKey.mayMatch(7, none) && ActionKey.mayMatch(7, 7) && !ActionKey.mayMatch(7, 8))
    }

    /// Resources of every service the index sorts out, NotResource, non-ASCII bytes around the
    /// colons (a combining mark joins the colon it follows), and texts that are no ARNs.
    static let trickyResources = #"""
    {"Version":"2012-10-17","Statement":[
     {"Effect":"Allow","Action":"ssm:GetParameters","Resource":["arn:aws:ssm:r:a:parameter//x","arn:aws:ssm:r:a:parameter:x","arn:aws:ssmx:r:a:p","arn:aws:́x:ssm:r:a:p","*"]},
     {"Effect":"Allow","Action":"logs:*","Resource":["arn:aws:logs:r:a:log-group:/ecs/web","arn:aws:logs:r:a:log-group:/ecs/web:*","ARN:aws:logs:r:a:x","arn:aés:logs:r:a:log-group:g"]},
     {"Effect":"Allow","Action":"kms:Decrypt","Resource":["arn:aws:kms:r:a:alias/x","arn:aws:kms:r:a:key/alias/x","arn:aws:kmś:r:a:key/k"]},
     {"Effect":"Deny","Action":"s3:GetObject","NotResource":["arn:aws:s3:::b/k"]},
     {"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/k","arn:aws:s3:::b/k","arn:aws:secretsmanager:r:a:secret:s-??????:k::"]},
     {"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":["arn:aws:secretsmanager:r:a:secret:s*","arn","arn:","arn:aws","arn:aws:","x:ssm:y"]}
    ]}
    """#

    /// The table-driven keys are the byte loop's hashes, for items and queries.
    @Test func keysMatchTheByteLoop() {
        var texts = Self.actions + ["ecr:Get*", "e?r:Get*", "ecr*", ":x", "*", "", "kms:D\u{E9}crypt", "k\u{E9}s:x", "ECR", "a:b:c",
                                    "elasticloadbalancing:Describe*", "S3:GetObject", "\u{212A}ms:Decrypt", "?", "x?", "0-9_A-Z:"]
        texts += ActionCatalog.shared.expand("*").map(\.fullName)
        for text in texts {
            #expect(ActionKey.item(text) == ActionKey.referenceKey(text, wildcardsAllowed: false), "\(text)")
            #expect(ActionKey.query(text) == ActionKey.referenceKey(text, wildcardsAllowed: true), "\(text)")
        }
    }

    @Test func trickyPatternsAnswerLikeTheNaiveScan() throws {
        expectNaive(try role([Self.tricky]), "tricky")
        expectNaive(try role([Self.trickyResources, Self.tricky]), "tricky resources")
        expectNaive(try role([Self.tricky, #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}}"#]), "two policies")
        expectNaive(try role([]), "no policies")
    }

    @Test func ruleExamplesAnswerLikeTheNaiveScan() throws {
        for rule in LintEngine.allRules {
            for (i, example) in rule.examples.enumerated() {
                expectNaive(try example.makeRole(), "\(rule.slug) #\(i)")
            }
        }
    }

    /// A sample of the managed policies: real mixes of services, `svc:Get*` items and NotAction.
    @Test func managedPoliciesAnswerLikeTheNaiveScan() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IAMKitTests/Fixtures/managed")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        var sampled = files.enumerated().filter { $0.offset % 25 == 0 }.map(\.element)
        // Every policy with NotAction, and the biggest by statement count.
        sampled += try files.filter { try String(contentsOf: $0, encoding: .utf8).contains("NotAction") }
        for file in sampled {
            expectNaive(try role([String(contentsOf: file, encoding: .utf8)]), file.lastPathComponent)
        }
    }

    /// The index is built once and shared by copies, and a role whose identity policies change gets
    /// a new one (copies made before the change keep the old).
    @Test func indexFollowsIdentityPolicies() throws {
        var r = try role([#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}"#])
        #expect(r.index === r.index)
        let copy = r
        #expect(copy.index === r.index)
        let (p, doc) = try PolicyParser.parse(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)
        r.identityPolicies.append(PolicySource(name: "more", policy: p, document: doc))
        #expect(r.index.statements.count == 2)
        #expect(r.index.allows("s3:GetObject").map(\.sourceName) == ["more"])
        #expect(copy.index.statements.count == 1)
        r.identityPolicies[0].policy.statements[0].effect = .deny
        #expect(r.index.allows("kms:Decrypt").isEmpty)
        #expect(r.index.covering("kms:Decrypt").count == 1)
    }
}
