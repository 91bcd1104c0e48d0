import Foundation
import ExecRoleKit
import IAMKit
import Testing

/// One focused test per execution-role trap of AWS-FACTS.md, with policies as they appear in the wild.
@Suite("Execution-role traps")
struct RuleTrapTests {
    static func allow(_ actions: String, _ resources: String, condition: String? = nil, sid: String? = nil) -> String {
        let c = condition.map { ",\"Condition\":\($0)" } ?? ""
        let s = sid.map { "\"Sid\":\"\($0)\"," } ?? ""
        return #"{"Version":"2012-10-17","Statement":[{"# + s + #""Effect":"Allow","Action":"# + actions + #","Resource":"# + resources + c + "}]}"
    }

    @Test func logGroupWithoutStreams() throws {
        // aws-cdk#5954: the group ARN as CDK's logGroup.logGroupArn printed it.
        let p = Self.allow(#"["logs:CreateLogStream","logs:PutLogEvents"]"#, #""arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/api""#)
        let f = try RoleFixture.lint(policy: p)
        let hit = try #require(f.with("log-stream-arn").first)
        #expect(hit.fix.contains("log-group:/ecs/api:*"))
        #expect(f.with("resource-mismatch").isEmpty, "superseded on the same statement")
        // `log-group:/ecs/*` reaches streams: no finding.
        #expect(try RoleFixture.lint(policy: Self.allow(#""logs:PutLogEvents""#, #""arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/*""#)).with("log-stream-arn").isEmpty)
    }

    @Test func ssmDoubleSlashAndColon() throws {
        let p = Self.allow(#""ssm:GetParameters""#, #"["arn:aws:ssm:us-east-1:111122223333:parameter//app/prod/db","arn:aws:ssm:us-east-1:111122223333:parameter:app/prod/key"]"#)
        let f = try RoleFixture.lint(policy: p).with("ssm-arn-form")
        #expect(f.count == 2)
        #expect(f[0].fix.contains("parameter/app/prod/db\""))
        #expect(f[1].fix.contains("parameter/app/prod/key\""))
    }

    @Test func valueFromTailInResource() throws {
        // terraform-aws-consul-ecs#135
        let p = Self.allow(#""secretsmanager:GetSecretValue""#, #""arn:aws:secretsmanager:us-east-1:111122223333:secret:consul/gossip-key-Xy12Ab:key::""#)
        let f = try #require(try RoleFixture.lint(policy: p).with("secret-ref-tail").first)
        #expect(f.message.contains("json-key \"key\""))
        #expect(f.fix.contains("\"arn:aws:secretsmanager:us-east-1:111122223333:secret:consul/gossip-key-Xy12Ab\""))
    }

    @Test func secretSuffixCases() throws {
        func lint(_ r: String) throws -> [Finding] {
            try RoleFixture.lint(policy: Self.allow(#""secretsmanager:GetSecretValue""#, "\"arn:aws:secretsmanager:us-east-1:111122223333:secret:\(r)\"")).with("secret-suffix")
        }
        #expect(try lint("db-???????").first?.severity == .high)
        #expect(try lint("db-?????").first?.message.contains("5 \"?\"") == true)
        #expect(try lint("db*").first?.severity == .medium)
        #expect(try lint("db-*").first?.severity == .medium)
        // aws-cdk#27530: the full name with its suffix, then the suffix pattern again.
        #expect(try lint("prod/db-Ab3dE9-??????").first?.fix.contains("secret:prod/db-Ab3dE9\"") == true)
        #expect(try lint("db-??????").isEmpty)
        #expect(try lint("prod/*").isEmpty)
        #expect(try lint("db-Ab3dE9").isEmpty)
    }

    @Test func ssmReferenceNeedsTheSecretToo() throws {
        // copilot-cli#1368
        let p = Self.allow(#""ssm:GetParameters""#, #""arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/api""#)
        let f = try #require(try RoleFixture.lint(policy: p).with("ssm-secret-reference").first)
        #expect(f.fix.contains("secret:prod/api-??????"))
        let both = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/api"},{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/api-Ab3dE9"}]}"#
        #expect(try RoleFixture.lint(policy: both).with("ssm-secret-reference").isEmpty)
    }

    @Test func kmsAliasAndMalformedKey() throws {
        let p = Self.allow(#""kms:Decrypt""#, #"["arn:aws:kms:us-east-1:111122223333:alias/app","arn:aws:kms:us-east-1:111122223333:key/alias/app"]"#)
        let f = try RoleFixture.lint(policy: p).with("kms-alias-resource")
        #expect(f.count == 2)
        #expect(f[0].fix.contains("kms:ResourceAliases"))
    }

    @Test func authTokenWithVpceCondition() throws {
        let p = Self.allow(#""ecr:GetAuthorizationToken""#, #""*""#, condition: #"{"StringEquals":{"aws:SourceVpce":"vpce-0123456789abcdef0"}}"#)
        let f = try #require(try RoleFixture.lint(policy: p).with("condition-key-absent").first)
        #expect(f.severity == .medium)
        #expect(f.message.contains("does not support"))
        // On other actions aws:SourceVpce is only a note.
        let q = Self.allow(#""ecr:BatchGetImage""#, #""arn:aws:ecr:us-east-1:111122223333:repository/app""#, condition: #"{"StringEquals":{"aws:SourceVpce":"vpce-0123456789abcdef0"}}"#)
        #expect(try RoleFixture.lint(policy: q).with("condition-key-absent").first?.severity == .info)
    }

    @Test func ecrStarOnRepositoryOnlyWhenNothingElseGrantsTheToken() throws {
        let p = Self.allow(#""ecr:*""#, #""arn:aws:ecr:us-east-1:111122223333:repository/app""#)
        #expect(try RoleFixture.lint(policy: p).with("auth-token-scoped").count == 1)
        let q = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},{"Effect":"Allow","Action":"ecr:*","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#
        #expect(try RoleFixture.lint(policy: q).with("auth-token-scoped").isEmpty)
    }

    @Test func applicationPermissionsOnTheExecutionRole() throws {
        let p = Self.allow(#"["s3:PutObject","ssmmessages:CreateControlChannel","sqs:SendMessage","sns:Publish"]"#, #""*""#)
        let f = try RoleFixture.lint(policy: p).with("wrong-role")
        #expect(f.count == 4)
        #expect(f.contains { $0.message.contains("ECS Exec") })
        var role = try RoleFixture.role(policy: p)
        role.isExecutionRole = false
        #expect(LintEngine.run(role).with("wrong-role").isEmpty, "only on execution roles")
    }

    @Test func envFileBucketLocation() throws {
        let p = Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::team-env-files/api/*""#)
        let f = try #require(try RoleFixture.lint(policy: p).with("s3-location-missing").first)
        #expect(f.fix.contains("\"arn:aws:s3:::team-env-files\""))
    }

    @Test func clusterSpecificSourceArnInTrust() throws {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:111122223333:cluster/prod"}}}]}"#
        let f = try RoleFixture.lint(trust: trust)
        let hit = try #require(f.with("trust-cluster-arn").first)
        #expect(hit.fix.contains("arn:aws:ecs:us-east-1:111122223333:*"))
        #expect(hit.document == "trust" && hit.position != nil)
        #expect(f.with("trust-confused-deputy").isEmpty)
        #expect(f.with("condition-key-absent").isEmpty, "Source* keys are right in a trust policy")
    }

    @Test func sizeLimits() throws {
        let arns = (0..<70).map { "\"arn:aws:secretsmanager:us-east-1:111122223333:secret:service-\($0)/database-password-Ab3dE9\"" }.joined(separator: ",\n      ")
        // Pretty-printed: the whitespace must not count.
        let p = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Action\": \"secretsmanager:GetSecretValue\",\n    \"Resource\": [\n      \(arns)\n    ]\n  }]\n}"
        var role = try RoleFixture.role(policy: p)
        let size = PolicySizeRule.size(of: role.identityPolicies[0])
        #expect(size < p.count)
        #expect(size == JSONWriter.compact(try JSONParser.parse(p).root.json).count)
        #expect(size > 6_144)
        let f = try #require(LintEngine.run(role, only: ["policy-size"]).first)
        #expect(f.message.contains("\(size) characters"))
        #expect(f.message.contains("6,144"))
        // Inline: the same policy fits the 10,240 aggregate alone, not twice.
        role.identityPolicies[0].storage = .inline
        #expect(LintEngine.run(role, only: ["policy-size"]).isEmpty)
        role.identityPolicies.append(role.identityPolicies[0])
        #expect(LintEngine.run(role, only: ["policy-size"]).first?.message.contains("10,240") == true)
    }

    @Test func onlyAndIgnoreAcceptIdsAndSlugs() throws {
        let p = Self.allow(#""ecr:GetAuthorizationToken""#, #""arn:aws:ecr:us-east-1:111122223333:repository/app""#)
        let role = try RoleFixture.role(policy: p)
        #expect(LintEngine.run(role, only: ["ER009"]).slugs == ["auth-token-scoped"])
        #expect(LintEngine.run(role, ignore: ["auth-token-scoped"]).with("auth-token-scoped").isEmpty)
        // With auth-token-scoped ignored, the generic finding it replaced comes back.
        #expect(!LintEngine.run(role, ignore: ["auth-token-scoped"]).with("resource-mismatch").isEmpty)
    }

    @Test func explainTextAndMarkdown() {
        let t = RuleExplainer.text(slug: "secret-suffix")
        #expect(t?.contains("ER005 secret-suffix [high]") == true)
        #expect(t?.contains("Triggers on") == true)
        #expect(RuleExplainer.text(slug: "er005") != nil)
        #expect(RuleExplainer.text(slug: "no-such-rule") == nil)
        let md = RuleExplainer.markdown()
        for r in LintEngine.allRules { #expect(md.contains("## \(r.slug)")) }
    }
}

@Suite("Rules reference")
struct RuleDocsTests {
    /// docs/rules.md is generated; regenerate with `swift run ecsrole rules --markdown > docs/rules.md`.
    @Test func committedReferenceIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RuleExplainer.markdown(), "docs/rules.md is stale: run `swift run ecsrole rules --markdown > docs/rules.md`")
    }
}
