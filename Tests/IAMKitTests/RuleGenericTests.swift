import Testing
@testable import IAMKit

/// Focused tests of the generic rules, run directly on IAMKit (no ECS knowledge involved).
@Suite("Generic IAM rules")
struct RuleGenericTests {
    static func run(_ text: String, kind: PolicyKind = .identity) throws -> [Finding] {
        let (p, doc) = try PolicyParser.parse(text, kind: kind)
        return PolicyRules.run(p, context: PolicyContext(document: doc))
    }

    @Test func noFalseAlarmOnActionsThatNeedStar() throws {
        // checkov#988: GetAuthorizationToken has no resource-level permissions.
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","sts:GetCallerIdentity"],"Resource":"*"}]}"#)
        #expect(f.filter { $0.slug == "wildcard-resource" }.isEmpty)
        #expect(f.filter { $0.slug == "credentials-exposure" }.isEmpty)
    }

    @Test func wildcardActionCountsAndLevels() throws {
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*","secretsmanager:*"],"Resource":"*"}]}"#)
        let w = f.filter { $0.slug == "wildcard-action" }
        #expect(w.count == 2)
        #expect(w[0].severity == .high && w[0].message.contains("every action of every AWS service"))
        #expect(w[1].severity == .medium && w[1].message.contains("Permissions management"))
        let count = ActionCatalog.shared.expand("secretsmanager:*").count
        #expect(w[1].message.contains("\(count) actions"))
    }

    @Test func didYouMean() throws {
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:BatchGetImages","secretmanager:GetSecretValue"],"Resource":"*"}]}"#)
        #expect(f.first { $0.slug == "unknown-action" }?.fix.contains("ecr:BatchGetImage\"") == true)
        #expect(f.first { $0.slug == "unknown-service" }?.fix.contains("secretsmanager:GetSecretValue") == true)
    }

    @Test func grammarReportsDuplicateKeysAndBadResources() throws {
        let text = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"logs:PutLogEvents","Action":"logs:CreateLogStream","Resource":"log-group:app"}
        ]}
        """
        let (p, doc) = try PolicyParser.parse(text)
        let g = PolicyRules.run(p, context: PolicyContext(document: doc)).filter { $0.slug == "grammar" }
        #expect(g.contains { $0.message.contains("\"Action\" is written twice") })
        #expect(g.contains { $0.message.contains("neither \"*\" nor an ARN") && $0.pointer == "/Statement/0/Resource" })
    }

    @Test func redundantStatementPointsAtTheCoveredOne() throws {
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Sid":"Narrow","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/k"},{"Sid":"Broad","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}]}"#)
        let r = try #require(f.first { $0.slug == "redundant-statement" })
        #expect(r.pointer == "/Statement/0")
        #expect(r.message.contains("statement \"Narrow\" is fully covered by statement \"Broad\""))
        // A conditional statement covers nothing.
        let g = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/k"},{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#)
        #expect(g.filter { $0.slug == "redundant-statement" }.isEmpty)
    }

    @Test func resourceMismatchNamesTheExpectedFormat() throws {
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:111122223333:log-group:app"}]}"#)
        let m = try #require(f.first { $0.slug == "resource-mismatch" })
        #expect(m.message.contains("log-stream"))
    }

    @Test func riskRulesNeedABroadResource() throws {
        let broad = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","ecs:RunTask"],"Resource":"*"}]}"#)
        let scoped = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::app-config/prod.env"}]}"#)
        #expect(scoped.filter { $0.slug == "data-exfiltration" }.isEmpty)
        #expect(!broad.filter { $0.slug == "infrastructure-modification" || $0.slug == "privilege-escalation" }.isEmpty)
    }

    @Test func trustPoliciesGetGrammarButNotPermissionRules() throws {
        let f = try Self.run(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#, kind: .trust)
        #expect(f.isEmpty, "\(f.map(\.message))")
    }
}
