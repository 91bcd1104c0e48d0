import Foundation
import TestSupport
import XCTest

/// Generated policies are accepted by a real IAM API (moto) — and the generated AWS CLI script runs.
final class GenerateMotoTests: XCTestCase {
    nonisolated(unsafe) static var moto: MotoServer?

    override class func setUp() { moto = try? MotoServer.start() }
    override class func tearDown() { moto?.stop(); moto = nil }

    func server() throws -> MotoServer {
        guard let m = Self.moto else { throw NSError(domain: "moto", code: 1, userInfo: [NSLocalizedDescriptionKey: "moto_server did not start"]) }
        return m
    }

    func testGeneratedPoliciesAreAcceptedByIAMCreatePolicyAndCreateRole() throws {
        let m = try server()
        let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/ExecRoleKitTests/Fixtures/taskdefs").path
        var n = 0
        for f in try FileManager.default.subpathsOfDirectory(atPath: fixtures).sorted() where f.hasSuffix(".json") {
            let dir = try CommandRunner.tempDir()
            let r = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", fixtures + "/" + f, "--account", "111122223333",
                                                                        "--region", "us-west-2", "--name", "role\(n)", "--out", dir,
                                                                        "--kms-key", "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"])
            if r.status == 2 && r.stderr.contains("never guesses") { continue }
            XCTAssertEqual(r.status, 0, r.stderr)
            let policy = try CommandRunner.run("aws", ["iam", "create-policy", "--policy-name", "p\(n)", "--policy-document", "file://\(dir)/execution-role-policy.json"], env: m.awsEnv)
            XCTAssertEqual(policy.status, 0, "\(f): \(policy.stderr)")
            let role = try CommandRunner.run("aws", ["iam", "create-role", "--role-name", "t\(n)", "--assume-role-policy-document", "file://\(dir)/trust-policy.json"], env: m.awsEnv)
            XCTAssertEqual(role.status, 0, "\(f): \(role.stderr)")
            n += 1
        }
        XCTAssertGreaterThanOrEqual(n, 10, "the fixtures that are not templates")
    }

    func testGeneratedCLIScriptCreatesTheRole() throws {
        let m = try server()
        let dir = try CommandRunner.tempDir()
        let td = #"{"family": "shop", "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:1", "secrets": [{"name": "DB", "valueFrom": "/shop/db"}], "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1"}}}]}"#
        let g = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", "-", "--account", "123456789012", "--region", "eu-west-1", "--out", dir], stdin: td)
        XCTAssertEqual(g.status, 0, g.stderr)
        let run = try CommandRunner.run("bash", [dir + "/create-role.sh"], env: m.awsEnv, timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("role/shop-execution-role"), run.stdout)
        let attached = try CommandRunner.run("aws", ["iam", "list-attached-role-policies", "--role-name", "shop-execution-role"], env: m.awsEnv)
        XCTAssertTrue(attached.stdout.contains("shop-execution-role-policy"), attached.stdout)
    }

    func testGenerateFetchesTheTaskDefinitionLive() throws {
        let m = try server()
        let env = m.awsEnv(region: "eu-west-1")
        let reg = try CommandRunner.run("aws", ["ecs", "register-task-definition", "--family", "live-shop", "--container-definitions",
            #"[{"name":"web","image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1","memory":128,"secrets":[{"name":"DB","valueFrom":"/shop/db"}]}]"#], env: env)
        XCTAssertEqual(reg.status, 0, reg.stderr)
        let r = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--task-definition", "live-shop:1", "--account", "123456789012", "--out", "-"], env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("arn:aws:ecr:eu-west-1:123456789012:repository/shop"), r.stdout)
        XCTAssertTrue(r.stdout.contains("arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db"), r.stdout)
        let missing = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--task-definition", "no-such-family", "--out", "-"], env: env)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("DescribeTaskDefinition"), missing.stderr)
    }
}
