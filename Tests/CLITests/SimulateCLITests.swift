import Foundation
import TestSupport
import XCTest

/// `ecsrole simulate` end to end: verdicts, exit codes, JSON shape, bundles, bad input.
final class SimulateCLITests: XCTestCase {
    let td = CLIFixtures.path("simulate/taskdef.json")
    let good = CLIFixtures.path("simulate/good-policy.json")
    let bad = CLIFixtures.path("simulate/bad-log-policy.json")

    func testTaskStartsExitZero() throws {
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", good, "--taskdef", td, "--region", "us-east-1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Task would start: all 9 calls allowed."), r.stdout)
        XCTAssertTrue(r.stdout.contains("good-policy.json:6:5"), "deciding statements carry file:line:column")
    }

    func testLogGroupWithoutStarFailsWithFix() throws {
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", bad, "--taskdef", td, "--region", "us-east-1", "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(r.stdout) as? [String: Any])
        XCTAssertEqual(obj["taskWouldStart"] as? Bool, false)
        let results = try XCTUnwrap(obj["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 9)
        let put = try XCTUnwrap(results.first { $0["action"] as? String == "logs:PutLogEvents" })
        XCTAssertEqual(put["decision"] as? String, "implicitDeny")
        XCTAssertEqual(put["container"] as? String, "web")
        let allowed = try XCTUnwrap(results.first { $0["action"] as? String == "ecr:BatchGetImage" })
        let matched = try XCTUnwrap((allowed["matched"] as? [[String: Any]])?.first)
        XCTAssertEqual(matched["sid"] as? String, "ECRPullImages")
        XCTAssertEqual(matched["pointer"] as? String, "/Statement/1")
        XCTAssertEqual(matched["index"] as? Int, 1)
        let failure = try XCTUnwrap(obj["firstFailure"] as? [String: Any])
        XCTAssertTrue((failure["error"] as? String)?.hasPrefix("ResourceInitializationError: failed to validate logger args") == true)
        let fix = try XCTUnwrap(failure["fix"] as? [String: Any])
        XCTAssertEqual(fix["Resource"] as? String, "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*")
    }

    func testSingleRequest() throws {
        let allowed = try CommandRunner.runEcsrole(["simulate", "--policy", good, "--action", "ssm:GetParameters", "--resource",
                                         "arn:aws:ssm:us-east-1:123456789012:parameter/web/api-key", "--format", "json"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(allowed.stdout) as? [String: Any])
        XCTAssertTrue(obj["taskWouldStart"] is NSNull)
        XCTAssertEqual((obj["results"] as? [[String: Any]])?.first?["decision"] as? String, "allowed")

        let denied = try CommandRunner.runEcsrole(["simulate", "--policy", good, "--action", "ssm:GetParameter", "--resource",
                                        "arn:aws:ssm:us-east-1:123456789012:parameter/web/api-key"])
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stdout.contains("Statements that did not apply:"), denied.stdout)
        XCTAssertTrue(denied.stdout.contains("does not include ssm:GetParameter"), denied.stdout)
    }

    func testContextAndExplicitDeny() throws {
        let policy = CLIFixtures.path("simulate/vpce-policy.json")
        let without = try CommandRunner.runEcsrole(["simulate", "--policy", policy, "--action", "secretsmanager:GetSecretValue", "--resource", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123"])
        XCTAssertEqual(without.status, 1)
        XCTAssertTrue(without.stdout.contains("DENIED!"), without.stdout)
        let with = try CommandRunner.runEcsrole(["simulate", "--policy", policy, "--action", "secretsmanager:GetSecretValue", "--resource", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123", "--context", "aws:SourceVpce=vpce-0abc"])
        XCTAssertEqual(with.status, 0, with.stdout)
    }

    func testViaVpcEndpointFlag() throws {
        let policy = CLIFixtures.path("simulate/vpce-policy.json")
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", policy, "--policy", good, "--taskdef", td, "--region", "us-east-1"])
        XCTAssertEqual(r.status, 1, "the Deny on requests without the endpoint fires")
        let v = try CommandRunner.runEcsrole(["simulate", "--policy", policy, "--policy", good, "--taskdef", td, "--region", "us-east-1", "--via-vpc-endpoint", "secretsmanager=vpce-0abc"])
        XCTAssertEqual(v.status, 0, v.stdout)
    }

    func testBundleWithRole() throws {
        let bundle = CLIFixtures.path("simulate/bundle.json")
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", bundle, "--role", "web-exec", "--taskdef", td, "--region", "us-east-1"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("secretsmanager:GetSecretValue"), r.stdout)
        XCTAssertTrue(r.stdout.contains("assumed-role/web-exec/"), r.stdout)
        let missingRole = try CommandRunner.runEcsrole(["simulate", "--policy", bundle, "--taskdef", td, "--region", "us-east-1"])
        XCTAssertEqual(missingRole.status, 2)
        XCTAssertTrue(missingRole.stderr.contains("--role"), missingRole.stderr)
    }

    func testBadInputExitsTwoWithPosition() throws {
        let broken = CLIFixtures.path("simulate/broken.json")
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", broken, "--action", "s3:GetObject", "--resource", "*"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("broken.json:3:"), r.stderr)
        let none = try CommandRunner.runEcsrole(["simulate", "--policy", good])
        XCTAssertEqual(none.status, 2)
        let both = try CommandRunner.runEcsrole(["simulate", "--policy", good, "--taskdef", td, "--action", "s3:GetObject", "--resource", "*"])
        XCTAssertEqual(both.status, 2)
        let ctx = try CommandRunner.runEcsrole(["simulate", "--policy", good, "--action", "s3:GetObject", "--resource", "*", "--context", "novalue"])
        XCTAssertEqual(ctx.status, 2)
        let missing = try CommandRunner.runEcsrole(["simulate", "--policy", "nope.json", "--action", "s3:GetObject", "--resource", "*"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.json: no such file"), missing.stderr)
    }
}

/// The trust policy from a bundle decides before any agent call.
final class SimulateTrustCLITests: XCTestCase {
    func testClusterSpecificTrustStopsTheTask() throws {
        let r = try CommandRunner.runEcsrole(["simulate", "--policy", CLIFixtures.path("simulate/bundle.json"), "--role", "web-exec-cluster-trust",
                                   "--taskdef", CLIFixtures.path("simulate/taskdef.json"), "--region", "us-east-1", "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(r.stdout) as? [String: Any])
        XCTAssertEqual(obj["taskWouldStart"] as? Bool, false)
        XCTAssertNil(obj["firstFailure"], "every agent call is allowed")
        let trust = try XCTUnwrap(obj["trust"] as? [String: Any])
        XCTAssertEqual(trust["allowed"] as? Bool, false)
        XCTAssertTrue((trust["error"] as? String)?.hasPrefix("ECS was unable to assume the role 'arn:aws:iam::123456789012:role/web-exec-cluster-trust'") == true)
    }
}
