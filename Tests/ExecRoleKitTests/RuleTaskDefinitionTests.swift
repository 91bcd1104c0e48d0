import ExecRoleKit
import IAMKit
import Testing

/// Rules that read a task definition: the generated policy must lint clean against its own task
/// definition, and a deficient one must be diagnosed call by call.
@Suite("Rules with a task definition")
struct RuleTaskDefinitionTests {
    static let taskdef = """
    {
      "family": "web",
      "taskDefinitionArn": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3",
      "executionRoleArn": "arn:aws:iam::111122223333:role/web-execution",
      "taskRoleArn": "arn:aws:iam::111122223333:role/web-task",
      "requiresCompatibilities": ["FARGATE"],
      "containerDefinitions": [
        {
          "name": "web",
          "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2",
          "user": "1000",
          "readonlyRootFilesystem": true,
          "linuxParameters": { "capabilities": { "drop": ["ALL"] } },
          "logConfiguration": {
            "logDriver": "awslogs",
            "options": {
              "awslogs-group": "/ecs/web",
              "awslogs-region": "us-east-1",
              "awslogs-stream-prefix": "web",
              "awslogs-create-group": "true"
            }
          },
          "secrets": [
            { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/web/db-Ab3dE9:password::" },
            { "name": "API_KEY", "valueFrom": "/prod/web/api-key" },
            { "name": "STRIPE_KEY", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/stripe" }
          ],
          "environmentFiles": [ { "type": "s3", "value": "arn:aws:s3:::web-config/prod.env" } ]
        }
      ]
    }
    """

    static func generated(kmsKeys: [String] = []) throws -> (policy: String, trust: String) {
        let td = try TaskDefinitionImporter.parse(taskdef)
        let (spec, _) = try SpecBuilder(context: .init(kmsKeys: kmsKeys)).build(td)
        return (JSONWriter.pretty(PolicyGenerator.identityPolicy(spec)), JSONWriter.pretty(PolicyGenerator.trustPolicy(spec)))
    }

    @Test func generatedRoleLintsClean() throws {
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let (policy, trust) = try Self.generated(kmsKeys: [key])
        let findings = try RoleFixture.lint(policy: policy, trust: trust, taskdef: Self.taskdef, context: .init(kmsKeys: [key]))
        let serious = findings.filter { $0.severity >= .low && !$0.rule.hasPrefix("TD") }
        #expect(serious.isEmpty, "generated role is not clean: \(serious.map { "\($0.slug): \($0.message)" })")
    }

    @Test func deficientPolicyIsDiagnosedCallByCall() throws {
        // AmazonECSTaskExecutionRolePolicy's content plus a GetObject: what many roles look like.
        let policy = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"},
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::web-config/*"}
        ]}
        """
        let findings = try RoleFixture.lint(policy: policy, taskdef: Self.taskdef)
        let denied = findings.with("task-need-denied")
        #expect(denied.contains { $0.message.contains("secretsmanager:GetSecretValue on arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/web/db-Ab3dE9") })
        #expect(denied.contains { $0.message.contains("ssm:GetParameters on arn:aws:ssm:us-east-1:111122223333:parameter/prod/web/api-key") })
        #expect(denied.allSatisfy { $0.document == "taskdef" && $0.position != nil })
        let secret = try #require(denied.first { $0.message.contains("prod/web/db") })
        #expect(secret.message.contains("container \"web\", secrets[0] (DB_PASSWORD)"))
        #expect(secret.message.contains("ResourceInitializationError"))
        #expect(secret.pointer == "/containerDefinitions/0/secrets/0/valueFrom")

        let group = try #require(findings.with("create-group-missing").first)
        #expect(group.pointer == "/containerDefinitions/0/logConfiguration/options/awslogs-create-group")
        #expect(group.fix.contains("log-group:/ecs/web:*"))

        let location = try #require(findings.with("s3-location-missing").first)
        #expect(location.message.contains("arn:aws:s3:::web-config\""))
        #expect(findings.with("kms-decrypt-missing").isEmpty, "no secrets grant, no CMK known: nothing to say about KMS")
        #expect(!findings.with("wildcard-resource").isEmpty)
    }

    @Test func cmkNamedButNotDecryptable() throws {
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let (policy, _) = try Self.generated()
        let findings = try RoleFixture.lint(policy: policy, taskdef: Self.taskdef, context: .init(kmsKeys: [key]))
        let kms = try #require(findings.with("kms-decrypt-missing").first)
        #expect(kms.severity == .high)
        #expect(kms.message.contains(key))
        #expect(kms.document == "taskdef")
    }

    @Test func viaServiceMustMatchTheDecryptPath() throws {
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let policy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"\(key)",
          "Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}}]}
        """
        let findings = try RoleFixture.lint(policy: policy, taskdef: Self.taskdef, context: .init(kmsKeys: [key]), only: ["kms-decrypt-missing"])
        #expect(findings.count == 1, "ViaService in the wrong region never matches")
    }

    @Test func explicitDenyIsNamed() throws {
        let (policy, _) = try Self.generated()
        let deny = #"{"Version":"2012-10-17","Statement":[{"Sid":"NoProdSecrets","Effect":"Deny","Action":"secretsmanager:*","Resource":"arn:aws:secretsmanager:*:*:secret:prod/*"}]}"#
        let findings = try RoleFixture.lint(policies: [policy, deny], taskdef: Self.taskdef, only: ["task-need-denied"])
        #expect(findings.contains { $0.message.contains("statement \"NoProdSecrets\" of policy1.json explicitly denies it") })
    }

    @Test func managedPolicyFixCarriesTheGeneratedPolicy() throws {
        var role = try RoleFixture.role(taskdef: Self.taskdef)
        role.attachedManagedPolicies = [Located("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "/ManagedPolicyArns/0")]
        let f = try #require(LintEngine.run(role, only: ["managed-policy-broad"]).first)
        #expect(f.fix.contains("\"Sid\": \"ReadSecrets\""))
        #expect(f.fix.contains("arn:aws:ecr:us-east-1:111122223333:repository/web"))
        role.taskDefinition = nil
        let g = try #require(LintEngine.run(role, only: ["managed-policy-broad"]).first)
        #expect(g.fix.contains("ecsrole generate --taskdef"))
    }

    @Test func taskDefinitionWithoutAccountIsStillChecked() throws {
        let td = #"{"family":"w","containerDefinitions":[{"name":"w","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/w","awslogs-region":"eu-west-1"}}}]}"#
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/w"}]}"#
        let findings = try RoleFixture.lint(policy: policy, taskdef: td)
        #expect(!findings.with("log-stream-arn").isEmpty)
        #expect(findings.with("task-need-denied").contains { $0.message.contains("logs:CreateLogStream") })
    }

    @Test func hardeningRulesPointAtTheField() throws {
        let td = """
        {"family":"w","executionRoleArn":"arn:aws:iam::111122223333:role/app","taskRoleArn":"arn:aws:iam::111122223333:role/app",
         "containerDefinitions":[{"name":"w","image":"nginx","user":"0","privileged":true,
           "environment":[{"name":"DB_PASSWORD","value":"hunter2"},{"name":"KEY","value":"-----BEGIN RSA PRIVATE KEY-----\\nMII"}],
           "linuxParameters":{"capabilities":{"add":["SYS_ADMIN"]}}}]}
        """
        let findings = try RoleFixture.lint(taskdef: td)
        #expect(findings.with("container-root-user").first?.pointer == "/containerDefinitions/0/user")
        #expect(findings.with("container-privileged").first?.pointer == "/containerDefinitions/0/privileged")
        #expect(findings.with("container-capabilities").contains { $0.pointer == "/containerDefinitions/0/linuxParameters/capabilities/add/0" })
        let env = findings.with("plaintext-secret-env")
        #expect(env.count == 2)
        #expect(env.contains { $0.severity == .high && $0.message.contains("a private key") })
        #expect(findings.with("image-unpinned").first?.message.contains("no tag") == true)
        #expect(findings.with("same-exec-and-task-role").count == 1)
    }
}

@Suite("Access check")
struct RuleAccessCheckTests {
    @Test func tokenScopedToRepositoryIsDenied() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:*","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web"}]}"#
        let f = try RoleFixture.lint(policy: policy, taskdef: RuleTaskDefinitionTests.taskdef, only: ["task-need-denied"])
        #expect(f.contains { $0.message.contains("ecr:GetAuthorizationToken on *") && $0.message.contains("CannotPullContainerError") })
        #expect(!f.contains { $0.message.contains("ecr:BatchGetImage") })
    }

    @Test func sourceAccountConditionMakesTheAllowMiss() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Action":"ecr:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}"#
        let f = try RoleFixture.lint(policy: policy, taskdef: RuleTaskDefinitionTests.taskdef, only: ["task-need-denied"])
        #expect(f.contains { $0.message.contains("condition on aws:SourceAccount cannot hold") })
    }
}

@Suite("Cross-account images")
struct RuleCrossAccountTests {
    @Test func crossAccountPullNamesBothSides() throws {
        let td = #"{"family":"w","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/w:1","containerDefinitions":[{"name":"w","image":"444455556666.dkr.ecr.us-east-1.amazonaws.com/shared/base:2.1"}]}"#
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},{"Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/*"}]}"#
        let f = try #require(try RoleFixture.lint(policy: policy, taskdef: td, only: ["task-need-denied"]).first)
        #expect(f.message.contains("arn:aws:ecr:us-east-1:444455556666:repository/shared/base"))
        #expect(f.message.contains("repository policy must allow this role too"))
        #expect(f.pointer == "/containerDefinitions/0/image")
    }
}
