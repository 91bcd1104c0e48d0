import Foundation
import TestSupport
import XCTest

/// `ecsrole diagnose`: message in (argument or stdin), role + missing permission + fix out.
final class DiagnoseCLITests: XCTestCase {
    let ssm = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/orders-exec/f83b93a4 is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-2:111122223333:parameter/GOOGLE_CLIENT_ID because no identity-based policy allows the ssm:GetParameters action status code: 400"

    func testArgument() throws {
        let r = try CommandRunner.runEcsrole(["diagnose", ssm])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("role: orders-exec (arn:aws:iam::111122223333:role/orders-exec)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"Resource\": \"arn:aws:ssm:eu-west-2:111122223333:parameter/GOOGLE_CLIENT_ID\""), r.stdout)
    }

    func testStdinJSON() throws {
        let msg = "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log group: AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/web-exec/abc is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:log-stream: because no identity-based policy allows the logs:CreateLogGroup action"
        let r = try CommandRunner.runEcsrole(["diagnose", "-", "--format", "json"], stdin: msg)
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(r.stdout) as? [String: Any])
        XCTAssertEqual(obj["action"] as? String, "logs:CreateLogGroup")
        XCTAssertEqual(obj["role"] as? String, "web-exec")
        XCTAssertEqual(obj["denial"] as? String, "noIdentityPolicy")
        XCTAssertEqual((obj["fix"] as? [String: Any])?["Resource"] as? String, "arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*")
    }

    func testSCPDenyHasNoFix() throws {
        let r = try CommandRunner.runEcsrole(["diagnose", "User: arn:aws:sts::111122223333:assumed-role/web-exec/abc is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbC123 with an explicit deny in a service control policy"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("service control policy"), r.stdout)
        XCTAssertFalse(r.stdout.contains("Add to the role's policy"), r.stdout)
    }

    func testUnrecognisedAndEmpty() throws {
        XCTAssertEqual(try CommandRunner.runEcsrole(["diagnose", "Essential container in task exited"]).status, 1)
        XCTAssertEqual(try CommandRunner.runEcsrole(["diagnose", "-"], stdin: "  \n").status, 2)
    }
}
