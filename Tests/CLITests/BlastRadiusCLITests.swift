import Foundation
import XCTest

/// `ecsrole blast-radius`: access levels, high-risk first, concrete inventory reach.
final class BlastRadiusCLITests: XCTestCase {
    func testTextWithInventory() throws {
        let r = try CLIRunner.run(["blast-radius", "--policy", CLIRunner.fixture("blast/broad-policy.json"),
                                   "--inventory", CLIRunner.fixture("blast/inventory.json")])
        XCTAssertEqual(r.code, 0, r.stderr)
        let high = try XCTUnwrap(r.stdout.range(of: "HIGH RISK"))
        let read = try XCTUnwrap(r.stdout.range(of: "\nRead ("))
        XCTAssertLessThan(high.lowerBound, read.lowerBound, "high-risk first")
        XCTAssertTrue(r.stdout.contains("read 3 secrets: orders/db, orders/api, billing/db"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ecr:GetDownloadUrlForLayer"), "ecr:Get* is expanded")
    }

    func testJSON() throws {
        let r = try CLIRunner.run(["blast-radius", "--policy", CLIRunner.fixture("blast/broad-policy.json"), "--format", "json"])
        XCTAssertEqual(r.code, 0, r.stderr)
        let obj = try XCTUnwrap(CLIRunner.json(r.stdout) as? [String: Any])
        let levels = try XCTUnwrap(obj["byAccessLevel"] as? [String: [String]])
        XCTAssertTrue(levels["read"]?.contains("secretsmanager:GetSecretValue") == true)
        XCTAssertTrue(levels["write"]?.contains("logs:PutLogEvents") == true)
        XCTAssertTrue((obj["highRisk"] as? [[String: Any]])?.contains { $0["action"] as? String == "secretsmanager:GetSecretValue" } == true)
    }

    func testBadInventory() throws {
        let r = try CLIRunner.run(["blast-radius", "--policy", CLIRunner.fixture("blast/broad-policy.json"), "--inventory", CLIRunner.fixture("simulate/taskdef.json")])
        XCTAssertEqual(r.code, 2)
    }
}
