import Foundation
import TestSupport
import XCTest

/// `ecsrole needs`: the agent's calls with the container and field causing each.
final class NeedsCLITests: XCTestCase {
    func testTextNamesContainerAndField() throws {
        let r = try CommandRunner.runEcsrole(["needs", CLIFixtures.path("simulate/taskdef.json"), "--region", "us-east-1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("The ECS agent calls 9 actions with the execution role web-exec"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ssm:GetParameters  arn:aws:ssm:us-east-1:123456789012:parameter/web/api-key"), r.stdout)
        XCTAssertTrue(r.stdout.contains("container \"web\", secrets[1] (API_KEY)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("log-group:/ecs/web:log-stream:"), "CreateLogGroup names …:log-stream:")
    }

    func testJSON() throws {
        let r = try CommandRunner.runEcsrole(["needs", CLIFixtures.path("simulate/taskdef.json"), "--region", "us-east-1", "--format", "json",
                                   "--kms-key", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(r.stdout) as? [String: Any])
        let calls = try XCTUnwrap(obj["calls"] as? [[String: Any]])
        let secret = try XCTUnwrap(calls.first { $0["action"] as? String == "secretsmanager:GetSecretValue" })
        XCTAssertEqual(secret["resource"] as? String, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123", "the json-key tail is dropped")
        XCTAssertEqual(secret["field"] as? String, "secrets[0] (DB_PASSWORD)")
        XCTAssertEqual(secret["pointer"] as? String, "/containerDefinitions/0/secrets/0/valueFrom")
        let kms = calls.filter { $0["action"] as? String == "kms:Decrypt" }
        XCTAssertEqual(Set(kms.compactMap { ($0["context"] as? [String: String])?["kms:ViaService"] }),
                       ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"])
    }

    func testMissingRegionIsBadInput() throws {
        let r = try CommandRunner.runEcsrole(["needs", CLIFixtures.path("simulate/taskdef.json")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--region"), r.stderr)
        let bad = try CommandRunner.runEcsrole(["needs", CLIFixtures.path("simulate/broken.json")])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("broken.json:"), bad.stderr)
    }
}
