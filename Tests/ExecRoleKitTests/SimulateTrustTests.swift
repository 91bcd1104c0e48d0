import ExecRoleKit
import IAMKit
import XCTest

/// The trust-policy check that precedes every agent call.
final class SimulateTrustTests: XCTestCase {
    let spec = RoleSpec(name: "web-exec", account: "111122223333", region: "eu-west-1")

    func check(_ statement: String) throws -> TrustCheck.Result {
        let p = try PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[\(statement)]}", kind: .trust).0
        return TrustCheck.evaluate(p, name: "trust", spec: spec)
    }

    func testPlainServiceTrust() throws {
        XCTAssertTrue(try check(#"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}"#).allowed)
    }

    func testConfusedDeputyGuardAccountWide() throws {
        XCTAssertTrue(try check(#"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"ArnLike":{"aws:SourceArn":"arn:aws:ecs:eu-west-1:111122223333:*"}}}"#).allowed)
    }

    func testClusterSpecificSourceArnFails() throws {
        let r = try check(#"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:eu-west-1:111122223333:cluster/prod"}}}"#)
        XCTAssertFalse(r.allowed)
        XCTAssertTrue(r.reason.contains("aws:SourceArn"), r.reason)
    }

    func testWrongServiceOrAction() throws {
        XCTAssertFalse(try check(#"{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}"#).allowed)
        XCTAssertFalse(try check(#"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:TagSession"}"#).allowed)
        XCTAssertFalse(try check(#"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":"*","Action":"sts:*"}"#).allowed)
    }

    func testFailureMessageShape() {
        XCTAssertTrue(TrustCheck.failureMessage(roleARN: "arn:aws:iam::1:role/r").hasPrefix("ECS was unable to assume the role 'arn:aws:iam::1:role/r'"))
    }
}
