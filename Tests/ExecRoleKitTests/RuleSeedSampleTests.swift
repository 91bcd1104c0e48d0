import ExecRoleKit
import IAMKit
import Testing

/// The seed guide's sample execution-role policy: every trap it contains must be named and explained.
@Suite("Seed guide sample policy")
struct RuleSeedSampleTests {
    static let policy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ECRPull",
          "Effect": "Allow",
          "Action": [
            "ecr:GetAuthorizationToken",
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage"
          ],
          "Resource": [
            "arn:aws:ecr:us-east-1:111122223333:repository/web",
            "arn:aws:ecr:us-east-1:111122223333:repository/worker"
          ],
          "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
        },
        {
          "Sid": "Logs",
          "Effect": "Allow",
          "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
          "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*",
          "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
        },
        {
          "Sid": "Secrets",
          "Effect": "Allow",
          "Action": "secretsmanager:GetSecretValue",
          "Resource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/web/db-???????",
          "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
        },
        {
          "Sid": "Parameters",
          "Effect": "Allow",
          "Action": ["ssm:GetParameters", "ssm:GetParameter"],
          "Resource": "arn:aws:ssm:us-east-1:111122223333:parameter/prod/web/*",
          "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
        },
        {
          "Sid": "Decrypt",
          "Effect": "Allow",
          "Action": "kms:Decrypt",
          "Resource": "arn:aws:kms:us-east-1:111122223333:key/arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
        }
      ]
    }
    """

    @Test func namesEveryTrapWithAnExplanation() throws {
        let findings = try RoleFixture.lint(policy: Self.policy)
        for slug in ["auth-token-scoped", "condition-key-absent", "secret-suffix", "kms-alias-resource", "wrong-role"] {
            #expect(!findings.with(slug).isEmpty, "missing \(slug); got \(findings.map { "\($0.slug): \($0.message)" })")
        }
        for f in findings {
            #expect(f.position != nil, "\(f.slug) at \(f.pointer) has no position")
            #expect(f.document == "policy0.json")
            #expect(!f.message.isEmpty && !f.fix.isEmpty)
        }

        let token = try #require(findings.with("auth-token-scoped").first)
        #expect(token.pointer == "/Statement/0/Action/0")
        #expect(token.position?.line == 8)
        #expect(token.severity == .high)
        #expect(token.message.contains("supports only \"Resource\": \"*\""))
        #expect(token.message.contains("CannotPullContainerError"))

        // One per statement: all five are conditioned on a key the agent never sends.
        let absent = findings.with("condition-key-absent")
        #expect(absent.count == 5)
        #expect(absent.allSatisfy { $0.pointer.hasSuffix("/Condition/StringEquals/aws:SourceAccount") })
        #expect(absent[0].message.contains("implicitly denied"))

        let suffix = try #require(findings.with("secret-suffix").first)
        #expect(suffix.pointer == "/Statement/2/Resource")
        #expect(suffix.message.contains("7 \"?\""))
        #expect(suffix.fix.contains("secret:prod/web/db-??????\""))
        #expect(suffix.severity == .high)

        let key = try #require(findings.with("kms-alias-resource").first)
        #expect(key.message.contains("malformed key ARN"))
        #expect(key.fix.contains("\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\""))

        let wrong = findings.with("wrong-role")
        #expect(wrong.contains { $0.message.contains("ssm:GetParameter ") || $0.message.hasPrefix("ssm:GetParameter on") })

        // The specific execution-role findings replace the generic resource-mismatch on those statements.
        #expect(!findings.with("resource-mismatch").contains { $0.pointer.hasPrefix("/Statement/0/") })
        #expect(!findings.with("resource-mismatch").contains { $0.pointer.hasPrefix("/Statement/4/") })
    }

    @Test func findingsAreSortedByPosition() throws {
        let findings = try RoleFixture.lint(policy: Self.policy)
        let offsets = findings.compactMap { $0.position.map { $0.line * 10_000 + $0.column } }
        #expect(offsets == offsets.sorted())
    }
}

