import ExecRoleKit
import IAMKit
import XCTest

/// `terraform show -json` plans.
final class InputTerraformTests: XCTestCase {
    static let trust = #"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"#
    static let logs = #"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}"#
    static let ecr = #"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}"#

    static var plan: String {
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.5",
          "planned_values": {
            "root_module": {
              "resources": [
                {"address": "aws_iam_role.exec", "mode": "managed", "type": "aws_iam_role", "name": "exec",
                 "values": {"name": "web-exec", "assume_role_policy": "\(trust)",
                            "inline_policy": [{"name": "logs", "policy": "\(logs)"}]}}
              ],
              "child_modules": [
                {"address": "module.extra", "resources": [
                  {"address": "module.extra.aws_iam_role_policy.ecr", "mode": "managed", "type": "aws_iam_role_policy", "name": "ecr",
                   "values": {"name": "ecr", "role": "web-exec", "policy": "\(ecr)"}},
                  {"address": "module.extra.aws_iam_policy.later", "mode": "managed", "type": "aws_iam_policy", "name": "later",
                   "values": {"name": "later"}}
                ]}
              ]
            }
          },
          "prior_state": {
            "values": {"root_module": {"resources": [
              {"address": "data.aws_iam_policy_document.ecr", "mode": "data", "type": "aws_iam_policy_document", "name": "ecr",
               "values": {"json": "\(ecr)"}},
              {"address": "data.aws_iam_policy_document.s3", "mode": "data", "type": "aws_iam_policy_document", "name": "s3",
               "values": {"json": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"*\\"}]}"}}
            ]}}
          },
          "resource_changes": [
            {"address": "module.extra.aws_iam_policy.later", "mode": "managed", "type": "aws_iam_policy",
             "change": {"actions": ["create"], "after": {"name": "later"}, "after_unknown": {"policy": true}}},
            {"address": "aws_iam_role_policy_attachment.managed", "mode": "managed", "type": "aws_iam_role_policy_attachment",
             "change": {"actions": ["create"],
                        "after": {"role": "web-exec", "policy_arn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"},
                        "after_unknown": {"id": true}}}
          ]
        }
        """
    }

    func testRolesPoliciesModulesAndDataSources() throws {
        let (loaded, _) = try InputTestSupport.load(Self.plan)
        XCTAssertEqual(loaded.kind, .terraform)
        // The role, the unattached s3 document; the ecr document is the role policy's text, linted there once.
        XCTAssertEqual(loaded.roles.map(\.name), ["web-exec", "data.aws_iam_policy_document.s3"])
        let role = loaded.roles[0]
        XCTAssertTrue(role.isExecutionRole)
        XCTAssertEqual(role.identityPolicies.map(\.name), ["logs", "module.extra.aws_iam_role_policy.ecr"])
        XCTAssertEqual(role.attachedManagedPolicies.map(\.value), ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
        XCTAssertEqual(role.identityPolicies[0].policy.statements[0].action?.values, ["logs:*"])
    }

    func testPolicyStringsPinToTheirAttributeLine() throws {
        let (loaded, doc) = try InputTestSupport.load(Self.plan)
        let inline = loaded.roles[0].identityPolicies[0]
        let action = try XCTUnwrap(inline.policy.statements[0].action?.items.first)
        XCTAssertEqual(action.pointer, "/planned_values/root_module/resources/0/values/inline_policy/0/policy/Statement/0/Action")
        XCTAssertEqual(InputTestSupport.at(doc, action.pointer), "9:66")
        let ecr = loaded.roles[0].identityPolicies[1]
        XCTAssertEqual(ecr.position(of: ecr.policy.statements[0].pointer)?.line, 14)
    }

    func testUnknownAfterApplyIsANote() throws {
        let (loaded, _) = try InputTestSupport.load(Self.plan)
        XCTAssertEqual(loaded.notes.count, 1)
        XCTAssertEqual(loaded.notes.first?.kind, .unknownValue)
        XCTAssertTrue(loaded.notes.first?.message.contains("module.extra.aws_iam_policy.later: policy is known only after apply") == true)
    }
}
