import ExecRoleKit
import XCTest

/// The built-in demo account is realistic enough to exercise every step, and deterministic.
final class WizardDemoAccountTests: XCTestCase {
    func testShapeAndDeterminism() {
        let inv = DemoAccount.inventory()
        XCTAssertEqual(inv, DemoAccount.inventory(), "same inventory on every call")
        XCTAssertEqual(inv.source, "demo")
        XCTAssertEqual(inv.account, "111122223333")
        XCTAssertGreaterThanOrEqual(inv.repositories.count, 30)
        XCTAssertTrue(inv.repositories.contains { $0.encryptionType == "KMS" && $0.kmsKey != nil })
        XCTAssertGreaterThanOrEqual(inv.logGroups.count, 50)
        XCTAssertTrue(inv.logGroups.contains { $0.name.hasPrefix("/ecs/") })
        XCTAssertTrue(inv.logGroups.contains { $0.name.hasPrefix("/aws/ecs/") })
        XCTAssertGreaterThanOrEqual(inv.secrets.count, 40)
        for s in inv.secrets {
            XCTAssertEqual(Requirements.hasRandomSuffix(s.arn), true, s.arn)
            XCTAssertTrue(s.arn.hasSuffix(s.name + "-" + s.arn.suffix(6)))
        }
        XCTAssertEqual(Set(inv.secrets.map(\.arn)).count, inv.secrets.count)
        XCTAssertTrue(inv.secrets.contains { $0.kmsKeyId != nil })
        XCTAssertTrue(inv.parameters.contains { $0.name.hasPrefix("/") })
        XCTAssertTrue(inv.parameters.contains { !$0.name.hasPrefix("/") })
        XCTAssertTrue(inv.parameters.contains { $0.type == "SecureString" && $0.keyId != nil && !$0.keyId!.hasPrefix("alias/aws/") })
        XCTAssertTrue(inv.parameters.allSatisfy { !$0.arn.contains("parameter//") })
        XCTAssertTrue(inv.keys.contains { $0.manager == "AWS" })
        XCTAssertTrue(inv.keys.contains { $0.manager == "CUSTOMER" && !$0.aliases.isEmpty })
        XCTAssertGreaterThanOrEqual(inv.roles.count, 2)
        XCTAssertFalse(inv.taskDefinitionFamilies.isEmpty)
    }

    func testLargeInventoryForBenchmarks() {
        let inv = DemoAccount.large(logGroups: 1_000)
        XCTAssertEqual(inv.logGroups.count, DemoAccount.inventory().logGroups.count + 1_000)
        XCTAssertEqual(Set(inv.logGroups.map(\.name)).count, inv.logGroups.count, "names are unique")
    }
}
