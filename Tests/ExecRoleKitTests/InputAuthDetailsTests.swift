import ExecRoleKit
import Foundation
import IAMKit
import XCTest

/// `aws iam get-account-authorization-details` output, with documents as objects and URL-encoded strings.
final class InputAuthDetailsTests: XCTestCase {
    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let inline = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#

    static var bundle: String {
        """
        {
          "UserDetailList": [],
          "RoleDetailList": [
            {
              "RoleName": "web-exec",
              "AssumeRolePolicyDocument": "\(encode(trust))",
              "RolePolicyList": [
                {"PolicyName": "extra", "PolicyDocument": "\(encode(inline))"}
              ],
              "AttachedManagedPolicies": [
                {"PolicyName": "AmazonECSTaskExecutionRolePolicy",
                 "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}
              ]
            },
            {
              "RoleName": "lambda-role",
              "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]
              },
              "RolePolicyList": [
                {"PolicyName": "broken", "PolicyDocument": "%7B%22Version%22%3A"}
              ],
              "AttachedManagedPolicies": []
            }
          ],
          "Policies": [
            {
              "PolicyName": "AmazonECSTaskExecutionRolePolicy",
              "Arn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
              "DefaultVersionId": "v3",
              "PolicyVersionList": [
                {"Document": {"Version": "2012-10-17", "Statement": []}, "VersionId": "v1", "IsDefaultVersion": false},
                {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": "*"}]},
                 "VersionId": "v3", "IsDefaultVersion": true}
              ]
            }
          ]
        }
        """
    }

    func testOneRolePerEntryWithDecodedDocuments() throws {
        let (loaded, _) = try InputTestSupport.load(Self.bundle)
        XCTAssertEqual(loaded.kind, .bundle)
        XCTAssertEqual(loaded.roles.map(\.name), ["web-exec", "lambda-role"])
        let web = loaded.roles[0]
        XCTAssertTrue(web.isExecutionRole)
        XCTAssertEqual(web.trustPolicy?.policy.statements.first?.principal?.values("Service"), ["ecs-tasks.amazonaws.com"])
        XCTAssertEqual(web.identityPolicies.map(\.name), ["extra", "AmazonECSTaskExecutionRolePolicy"])
        XCTAssertEqual(web.identityPolicies[0].policy.statements[0].action?.values, ["s3:*"])
        XCTAssertEqual(web.attachedManagedPolicies.map(\.value), ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
        XCTAssertFalse(loaded.roles[1].isExecutionRole)
    }

    func testManagedPolicyResolvesToTheDefaultVersionWithItsPositions() throws {
        let (loaded, doc) = try InputTestSupport.load(Self.bundle)
        let managed = loaded.roles[0].identityPolicies[1]
        XCTAssertEqual(managed.managedARN, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
        let action = try XCTUnwrap(managed.policy.statements.first?.action?.items.first)
        XCTAssertEqual(action.value, "ecr:GetAuthorizationToken")
        XCTAssertEqual(action.pointer, "/Policies/0/PolicyVersionList/1/Document/Statement/0/Action/0")
        XCTAssertEqual(InputTestSupport.at(doc, action.pointer), "34:93")
    }

    func testEncodedDocumentFindingsArePinnedToTheStringItself() throws {
        let (loaded, doc) = try InputTestSupport.load(Self.bundle)
        let inline = loaded.roles[0].identityPolicies[0]
        let resource = try XCTUnwrap(inline.policy.statements[0].resource?.items.first)
        XCTAssertEqual(resource.value, "*")
        // The pointer continues into the string, and resolves to the string's own line:column.
        XCTAssertEqual(resource.pointer, "/RoleDetailList/0/RolePolicyList/0/PolicyDocument/Statement/0/Resource")
        let stringPos = try XCTUnwrap(doc.root.node(at: "/RoleDetailList/0/RolePolicyList/0/PolicyDocument")).position
        XCTAssertEqual(stringPos.description, "8:51")
        XCTAssertEqual(inline.position(of: resource.pointer), stringPos)
        XCTAssertEqual(loaded.roles[0].trustPolicy?.position(of: "/RoleDetailList/0/AssumeRolePolicyDocument/Statement/0")?.description, "6:35")
    }

    func testUnreadableEncodedDocumentIsANoteAndTheRestLoads() throws {
        let (loaded, _) = try InputTestSupport.load(Self.bundle)
        XCTAssertEqual(loaded.notes.count, 1)
        let note = try XCTUnwrap(loaded.notes.first)
        XCTAssertEqual(note.kind, .unreadablePolicy)
        XCTAssertEqual(note.pointer, "/RoleDetailList/1/RolePolicyList/0/PolicyDocument")
        XCTAssertEqual(note.position.description, "22:52")
        XCTAssertTrue(note.message.contains("lambda-role: broken"), note.message)
        XCTAssertTrue(loaded.roles[1].identityPolicies.isEmpty)
        XCTAssertNotNil(loaded.roles[1].trustPolicy)
    }
}
