import Foundation
import TestSupport
import XCTest

final class GenerateCLITests: XCTestCase {
    let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/ExecRoleKitTests/Fixtures").path
    let files = ["execution-role-policy.json", "trust-policy.json", "main.tf", "template.yaml", "create-role.sh", "taskdef-fragment.json", "ecsrole.json"]

    func generate(_ taskdef: String, _ dir: String, _ extra: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", taskdef, "--account", "111122223333", "--region", "us-west-2", "--out", dir] + extra)
    }

    func testGenerateWritesEveryFileThenCheckPassesAndDriftFails() throws {
        let dir = try CommandRunner.tempDir()
        let td = fixtures + "/taskdefs/aws-samples-firelens/cloudwatchlogs__task-definition-cloudwatch.json"
        let r = try generate(td, dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir)), Set(files), "no temp files left behind")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: dir + "/create-role.sh"))
        XCTAssertEqual(try generate(td, dir, ["--check"]).status, 0)
        try "{}\n".write(toFile: dir + "/trust-policy.json", atomically: true, encoding: .utf8)
        let drift = try generate(td, dir, ["--check"])
        XCTAssertEqual(drift.status, 1)
        XCTAssertTrue(drift.stderr.contains("trust-policy.json"), drift.stderr)
    }

    func testExistingFilesAreNeverOverwrittenWithoutForce() throws {
        let dir = try CommandRunner.tempDir()
        let td = fixtures + "/taskdefs/awsdocs-ecs-guide/using_awslogs__L115.json"
        XCTAssertEqual(try generate(td, dir).status, 0)
        try "mine\n".write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
        let again = try generate(td, dir)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/main.tf", encoding: .utf8), "mine\n", "nothing half-written")
        XCTAssertEqual(try generate(td, dir, ["--force"]).status, 0)
        XCTAssertNotEqual(try String(contentsOfFile: dir + "/main.tf", encoding: .utf8), "mine\n")
    }

    func testSpecReproducesTheSameFilesByteForByte() throws {
        let a = try CommandRunner.tempDir(), b = try CommandRunner.tempDir()
        XCTAssertEqual(try generate(fixtures + "/taskdefs/aws-samples-firelens/add-keys__task-definition.json", a).status, 0)
        let r = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--spec", a + "/ecsrole.json", "--out", b])
        XCTAssertEqual(r.status, 0, r.stderr)
        for f in files {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a + "/" + f)), try Data(contentsOf: URL(fileURLWithPath: b + "/" + f)), f)
        }
    }

    func testBadInputExitsTwoWithFileLineColumn() throws {
        let bad = fixtures + "/invalid/trailing-comma.json"
        let r = try generate(bad, try CommandRunner.tempDir())
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(bad):4:38: trailing comma"), r.stderr)
        let missing = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", "/nonexistent.json", "--out", "-"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/nonexistent.json: no such file"))
    }

    func testUnknownAccountNamesTheFlag() throws {
        let td = fixtures + "/taskdefs/awsdocs-ecs-guide/using_awslogs__L115.json"
        let r = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", td, "--out", "-"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--account"), r.stderr)
    }

    func testPlaceholdersFailWithTheirPosition() throws {
        let td = fixtures + "/taskdefs/aws-samples-firelens/datadog__task-definition.json"
        let r = try generate(td, "-")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("datadog__task-definition.json:36:34:"), r.stderr)
    }

    func testOutDashPrintsThePolicyFromStdin() throws {
        let r = try CommandRunner.run(try CommandRunner.ecsrole, ["generate", "--taskdef", "-", "--account", "111122223333", "--region", "eu-west-1", "--out", "-"],
                                      stdin: #"[{"name": "a", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"}]"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"ecr:GetAuthorizationToken\""))
        XCTAssertTrue(r.stdout.contains("arn:aws:ecr:eu-west-1:111122223333:repository/app"))
    }

    /// Every fixture that is not a template generates; its CloudFormation passes cfn-lint and its
    /// shell script passes `bash -n`.
    func testTemplatesPassCfnLintAndScriptsParse() throws {
        var templates: [String] = []
        for f in try FileManager.default.subpathsOfDirectory(atPath: fixtures + "/taskdefs").sorted() where f.hasSuffix(".json") {
            let dir = try CommandRunner.tempDir()
            let r = try generate(fixtures + "/taskdefs/" + f, dir)
            if r.status == 2 && r.stderr.contains("never guesses") { continue }
            XCTAssertEqual(r.status, 0, "\(f): \(r.stderr)")
            templates.append(dir + "/template.yaml")
            XCTAssertEqual(try CommandRunner.run("bash", ["-n", dir + "/create-role.sh"]).status, 0, f)
        }
        // The 10 fixtures that are not templates (the rest use ${…}, aws_account_id or an 11-digit account).
        XCTAssertGreaterThanOrEqual(templates.count, 10)
        // One cfn-lint process for all templates: it takes seconds to start.
        let lint = try CommandRunner.run("cfn-lint", templates, timeout: 300)
        XCTAssertEqual(lint.status, 0, "cfn-lint: \(lint.stdout)\(lint.stderr)")
    }
}
