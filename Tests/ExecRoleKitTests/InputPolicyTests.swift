import ExecRoleKit
import IAMKit
import XCTest

/// Bare policy files and kind detection.
final class InputPolicyTests: XCTestCase {
    let identity = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
          "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*"
        }
      ]
    }
    """

    func testIdentityPolicyBecomesOneExecutionRolePolicyWithPositions() throws {
        let (loaded, doc) = try InputTestSupport.load(identity, name: "exec.json")
        XCTAssertEqual(loaded.kind, .identity)
        XCTAssertEqual(loaded.roles.count, 1)
        let role = loaded.roles[0]
        XCTAssertTrue(role.isExecutionRole)
        XCTAssertNil(role.trustPolicy)
        XCTAssertEqual(role.identityPolicies.count, 1)
        let action = try XCTUnwrap(role.identityPolicies[0].policy.statements[0].action?.items[1])
        XCTAssertEqual(action.value, "logs:PutLogEvents")
        XCTAssertEqual(action.pointer, "/Statement/0/Action/1")
        XCTAssertEqual(InputTestSupport.at(doc, action.pointer), "6:42")
        XCTAssertEqual(role.identityPolicies[0].position(of: action.pointer)?.description, "6:42")
    }

    func testTrustPolicyIsDetectedByPrincipalAndMarksExecutionRole() throws {
        let trust = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """
        let (loaded, _) = try InputTestSupport.load(trust)
        XCTAssertEqual(loaded.kind, .trust)
        XCTAssertEqual(loaded.roles[0].trustPolicy?.policy.kind, .trust)
        XCTAssertTrue(loaded.roles[0].isExecutionRole)
        XCTAssertTrue(loaded.roles[0].identityPolicies.isEmpty)
    }

    func testTrustPolicyForAnotherServiceIsNotAnExecutionRole() throws {
        let trust = #"{"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}"#
        let (loaded, _) = try InputTestSupport.load(trust)
        XCTAssertEqual(loaded.kind, .trust)
        XCTAssertFalse(loaded.roles[0].isExecutionRole)
    }

    func testAssumeRoleWithoutResourceIsTrustButWithResourceIsIdentity() throws {
        let noResource = #"{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}"#
        XCTAssertEqual(InputKind.detect(try JSONParser.parse(noResource).root), .trust)
        let withResource = #"{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/x"}]}"#
        XCTAssertEqual(InputKind.detect(try JSONParser.parse(withResource).root), .identity)
    }

    func testDetectionOfContainerKinds() throws {
        func kind(_ s: String) throws -> InputKind? { InputKind.detect(try JSONParser.parse(s).root) }
        XCTAssertEqual(try kind(#"{"RoleDetailList": []}"#), .bundle)
        XCTAssertEqual(try kind(#"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}"#), .cloudformation)
        XCTAssertEqual(try kind(#"{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}"#), .cloudformation)
        XCTAssertEqual(try kind(#"{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {}}"#), .terraform)
        XCTAssertEqual(try kind(#"{"family": "web", "containerDefinitions": []}"#), .taskdef)
        XCTAssertEqual(try kind(#"{"taskDefinition": {"containerDefinitions": []}}"#), .taskdef)
        XCTAssertEqual(try kind(#"[{"name": "app", "image": "nginx"}]"#), .taskdef)
        XCTAssertNil(try kind(#"{"hello": "world"}"#))
    }

    func testUnknownShapeThrowsWithPositionAndForcedKindIsUsed() throws {
        let doc = try JSONParser.parse("\n  {\"hello\": 1}")
        XCTAssertThrowsError(try InputLoader.load(doc, name: "x")) { error in
            let e = error as? ExecRoleError
            XCTAssertEqual(e?.position?.description, "2:3")
            XCTAssertTrue(e?.message.contains("--kind") == true)
        }
        // Forced: a policy with a Principal read as identity stays identity (the grammar then complains).
        let trust = #"{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}"#
        let (loaded, _) = try InputTestSupport.load(trust, kind: .identity)
        XCTAssertEqual(loaded.kind, .identity)
        XCTAssertEqual(loaded.roles[0].identityPolicies.count, 1)
    }

    func testTaskDefinitionBecomesARoleWithTheDefinition() throws {
        let td = """
        {"family": "web", "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}]}
        """
        let (loaded, _) = try InputTestSupport.load(td)
        XCTAssertEqual(loaded.kind, .taskdef)
        XCTAssertEqual(loaded.roles[0].name, "web")
        XCTAssertEqual(loaded.roles[0].taskDefinition?.containers.count, 1)
    }
}
