import ExecRoleKit
import IAMKit
import XCTest

/// CloudFormation templates (JSON here; YAML goes through the CLI's bridge, see CLITests).
final class InputCloudFormationTests: XCTestCase {
    static let template = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Resources": {
        "ExecRole": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "AssumeRolePolicyDocument": {
              "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]
            },
            "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}, {"Ref": "Shared"}],
            "Policies": [{
              "PolicyName": "logs",
              "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{
                  "Effect": "Allow",
                  "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                  "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}:*"}
                }, {
                  "Effect": "Allow",
                  "Action": "secretsmanager:GetSecretValue",
                  "Resource": [{"Ref": "DbSecret"}, {"Fn::GetAtt": ["Key", "Arn"]},
                               {"Fn::Join": ["", ["arn:aws:ssm:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":parameter/app/*"]]},
                               {"Fn::If": ["HasExtra", "arn:aws:s3:::extra/*", {"Ref": "AWS::NoValue"}]}]
                }]
              }
            }]
          }
        },
        "TaskRole": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "web-task",
            "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
          }
        },
        "Shared": {
          "Type": "AWS::IAM::ManagedPolicy",
          "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}}
        },
        "Attached": {
          "Type": "AWS::IAM::Policy",
          "Properties": {"PolicyName": "a", "Roles": ["web-task"],
                         "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}
        },
        "Loose": {
          "Type": "AWS::IAM::Policy",
          "Properties": {"PolicyName": "b", "Roles": ["elsewhere"], "PolicyDocument": {"Ref": "DocParam"}}
        },
        "Task": {
          "Type": "AWS::ECS::TaskDefinition",
          "Properties": {"ExecutionRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]}, "ContainerDefinitions": []}
        }
      }
    }
    """

    func testRolesPoliciesAndAttachments() throws {
        let (loaded, _) = try InputTestSupport.load(Self.template)
        XCTAssertEqual(loaded.kind, .cloudformation)
        XCTAssertEqual(loaded.roles.map(\.name), ["ExecRole", "TaskRole"])
        let exec = loaded.roles[0]
        XCTAssertTrue(exec.isExecutionRole)
        // Inline policy, then the template's managed policy attached through `ManagedPolicyArns: [!Ref Shared]`.
        XCTAssertEqual(exec.identityPolicies.map(\.name), ["logs", "Shared"])
        XCTAssertEqual(exec.attachedManagedPolicies.map(\.value),
                       ["arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", "{Ref:Shared}"])
        // Attached by RoleName, and an execution role because a task definition says so.
        let task = loaded.roles[1]
        XCTAssertTrue(task.isExecutionRole)
        XCTAssertEqual(task.identityPolicies.map(\.name), ["Attached"])
    }

    func testIntrinsicsBecomeVisiblePlaceholdersAtTheirOwnPositions() throws {
        let (loaded, doc) = try InputTestSupport.load(Self.template)
        let statements = loaded.roles[0].identityPolicies[0].policy.statements
        let logs = try XCTUnwrap(statements[0].resource?.items.first)
        XCTAssertEqual(logs.value, "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}:*")
        XCTAssertEqual(logs.pointer, "/Resources/ExecRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource")
        XCTAssertEqual(InputTestSupport.at(doc, logs.pointer), "18:27")
        let values = try XCTUnwrap(statements[1].resource?.values)
        XCTAssertEqual(values, ["{Ref:DbSecret}", "{GetAtt:Key.Arn}", "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/*",
                                "arn:aws:s3:::extra/*"])
        let getAtt = try XCTUnwrap(statements[1].resource?.items[1])
        XCTAssertEqual(InputTestSupport.at(doc, getAtt.pointer), "22:49")
    }

    func testDocumentKnownOnlyAtDeployIsANote() throws {
        let (loaded, _) = try InputTestSupport.load(Self.template)
        XCTAssertEqual(loaded.notes.map(\.kind), [.unknownValue])
        XCTAssertEqual(loaded.notes.first?.pointer, "/Resources/Loose/Properties/PolicyDocument")
        XCTAssertTrue(loaded.notes.first?.message.contains("{Ref:DocParam}") == true)
    }

    func testIfWithObjectBranchesKeepsTheFirstRealBranch() throws {
        let node = try JSONParser.parse(#"{"Fn::If": ["C", {"Effect": "Allow"}, {"Ref": "AWS::NoValue"}]}"#).root
        let r = Intrinsics.resolvePlaceholders(node)
        XCTAssertEqual(r["Effect"]?.string, "Allow")
        XCTAssertEqual(r.pointer, "/Fn::If/1")
        let s = try JSONParser.parse(#"{"Fn::If": ["C", "a", "b"]}"#).root
        XCTAssertEqual(Intrinsics.resolvePlaceholders(s).string, "{If:C:a|b}")
    }
}
