import Foundation
import TestSupport
import XCTest

/// `ecsrole inventory` end to end against moto: metadata in, secret values never out.
final class InventoryCLITests: XCTestCase {
    func testInventoryWritesMetadataAtomicallyAndNoSecretValue() throws {
        let m = try MotoServer.start()
        defer { m.stop() }
        let env = m.awsEnv(region: "eu-west-1")
        XCTAssertEqual(try CommandRunner.run("aws", ["secretsmanager", "create-secret", "--name", "shop/db", "--secret-string", "hunter2-value"], env: env).status, 0)
        XCTAssertEqual(try CommandRunner.run("aws", ["ssm", "put-parameter", "--name", "/shop/api", "--type", "SecureString", "--value", "param-value-42"], env: env).status, 0)
        XCTAssertEqual(try CommandRunner.run("aws", ["ecr", "create-repository", "--repository-name", "shop"], env: env).status, 0)
        let dir = try CommandRunner.tempDir()
        let r = try CommandRunner.run(try CommandRunner.ecsrole, ["inventory", "--out", dir + "/inv.json"], env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: dir + "/inv.json", encoding: .utf8)
        XCTAssertTrue(text.contains("shop/db"))
        XCTAssertTrue(text.contains("/shop/api"))
        XCTAssertTrue(text.contains("repository/shop"))
        XCTAssertFalse(text.contains("hunter2-value") || text.contains("param-value-42"), "metadata only")
        XCTAssertFalse(r.stderr.contains("testing"), "no credential printed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["inv.json"], "no temporary left")
        let bad = try CommandRunner.run(try CommandRunner.ecsrole, ["inventory", "--out", "/nonexistent-dir/inv.json"], env: env)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("does not exist"), bad.stderr)
    }
}
