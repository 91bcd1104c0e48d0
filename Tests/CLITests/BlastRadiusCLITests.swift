import Foundation
import TestSupport
import XCTest

/// `ecsrole blast-radius`: access levels, high-risk first, concrete inventory reach.
final class BlastRadiusCLITests: XCTestCase {
    func testTextWithInventory() throws {
        let r = try CommandRunner.runEcsrole(["blast-radius", "--policy", CLIFixtures.path("blast/broad-policy.json"),
                                   "--inventory", CLIFixtures.path("blast/inventory.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let high = try XCTUnwrap(r.stdout.range(of: "HIGH RISK"))
        let read = try XCTUnwrap(r.stdout.range(of: "\nRead ("))
        XCTAssertLessThan(high.lowerBound, read.lowerBound, "high-risk first")
        XCTAssertTrue(r.stdout.contains("read 3 secrets: orders/db, orders/api, billing/db"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ecr:GetDownloadUrlForLayer"), "ecr:Get* is expanded")
    }

    func testJSON() throws {
        let r = try CommandRunner.runEcsrole(["blast-radius", "--policy", CLIFixtures.path("blast/broad-policy.json"), "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(CLIFixtures.json(r.stdout) as? [String: Any])
        let levels = try XCTUnwrap(obj["byAccessLevel"] as? [String: [String]])
        XCTAssertTrue(levels["read"]?.contains("secretsmanager:GetSecretValue") == true)
        XCTAssertTrue(levels["write"]?.contains("logs:PutLogEvents") == true)
        XCTAssertTrue((obj["highRisk"] as? [[String: Any]])?.contains { $0["action"] as? String == "secretsmanager:GetSecretValue" } == true)
    }

    func testBadInventory() throws {
        let r = try CommandRunner.runEcsrole(["blast-radius", "--policy", CLIFixtures.path("blast/broad-policy.json"), "--inventory", CLIFixtures.path("simulate/taskdef.json")])
        XCTAssertEqual(r.status, 2)
    }
}
