import Foundation
import TestSupport
import XCTest

/// `lint --role` and `simulate --role` read a role live from IAM (moto) and judge it.
final class LiveRoleCLITests: XCTestCase {
    func testLintAndSimulateALiveRole() throws {
        let m = try MotoServer.start()
        defer { m.stop() }
        let env = m.awsEnv(region: "eu-west-1")
        func aws(_ args: [String]) throws { let r = try CommandRunner.run("aws", args, env: env); XCTAssertEqual(r.status, 0, r.stderr) }
        try aws(["iam", "create-role", "--role-name", "shop-exec", "--assume-role-policy-document",
                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#])
        try aws(["iam", "put-role-policy", "--role-name", "shop-exec", "--policy-name", "logs", "--policy-document",
                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop"}]}"#])
        try aws(["iam", "create-policy", "--policy-name", "pull", "--policy-document",
                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"arn:aws:ecr:eu-west-1:123456789012:repository/shop"}]}"#])
        try aws(["iam", "attach-role-policy", "--role-name", "shop-exec", "--policy-arn", "arn:aws:iam::123456789012:policy/pull"])

        let lint = try CommandRunner.run(try CommandRunner.ecsrole, ["lint", "--role", "shop-exec", "--format", "json"], env: env)
        XCTAssertEqual(lint.status, 1, lint.stderr)
        for slug in ["log-stream-arn", "auth-token-scoped", "trust-confused-deputy"] {
            XCTAssertTrue(lint.stdout.contains("\"slug\": \"\(slug)\""), "\(slug) in \(lint.stdout)")
        }
        XCTAssertTrue(lint.stdout.contains("iam:role/shop-exec"))

        let td = try CommandRunner.tempDir() + "/td.json"
        try #"[{"name":"web","image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/shop","awslogs-region":"eu-west-1"}}}]"#
            .write(toFile: td, atomically: true, encoding: .utf8)
        let sim = try CommandRunner.run(try CommandRunner.ecsrole, ["simulate", "--role", "shop-exec", "--taskdef", td, "--account", "123456789012", "--format", "json"], env: env)
        XCTAssertEqual(sim.status, 1, sim.stderr)
        XCTAssertTrue(sim.stdout.contains("\"taskWouldStart\": false"), sim.stdout)

        let missing = try CommandRunner.run(try CommandRunner.ecsrole, ["lint", "--role", "no-such-role"], env: env)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("NoSuchEntity"), missing.stderr)
    }
}
