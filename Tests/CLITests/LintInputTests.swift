import Foundation
import TestSupport
import XCTest

/// Inputs that need the executable: YAML templates (the Yams bridge lives in App), task definitions,
/// and the whole managed-policy corpus.
final class LintInputTests: XCTestCase {
    func testCloudFormationYAMLWithShortFormIntrinsicsKeepsPositions() throws {
        let r = try LintCLI.run(["lint", "template.yaml", "--format", "json", "--fail-on", "critical"])
        XCTAssertNotEqual(r.status, 2, r.stderr)
        let report = try r.json()
        XCTAssertEqual((report["files"] as? [[String: Any]])?.first?["kind"] as? String, "cloudformation")
        let findings = try LintCLI.findings(report)
        // The inline policy's `Action: "s3:*"` is on line 25, column 25.
        let star = findings.filter { $0["pointer"] as? String == "/Resources/ExecRole/Properties/Policies/0/PolicyDocument/Statement/0/Action" }
        XCTAssertFalse(star.isEmpty, "\(findings.map { $0["pointer"] ?? "" })")
        XCTAssertEqual(star.first?["line"] as? Int, 25)
        XCTAssertEqual(star.first?["column"] as? Int, 25)
        XCTAssertEqual(star.first?["role"] as? String, "ExecRole")
        // Findings in the AWS::IAM::Policy attached with `Roles: [!Ref ExecRole]` belong to that role.
        let extra = findings.filter { ($0["pointer"] as? String)?.hasPrefix("/Resources/Extra/") == true }
        XCTAssertFalse(extra.isEmpty)
        XCTAssertTrue(extra.allSatisfy { $0["role"] as? String == "ExecRole" })
    }

    func testBrokenYAMLReportsLineAndColumn() throws {
        let dir = try LintCLI.tempDir(["bad.yaml": "Resources:\n  Role:\n    Type: AWS::IAM::Role\n   Properties: [\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try LintCLI.run(["lint", "bad.yaml"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertNotNil(r.stdout.range(of: #"bad\.yaml:\d+:\d+: error: invalid YAML"#, options: .regularExpression), r.stdout)
    }

    func testTaskDefinitionIsLintedAndCanBePaired() throws {
        let td = """
        {"family": "web", "executionRoleArn": "arn:aws:iam::123456789012:role/web-exec",
         "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1",
           "secrets": [{"name": "DB", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}],
           "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}}}]}
        """
        let dir = try LintCLI.tempDir(["taskdef.json": td])
        defer { try? FileManager.default.removeItem(at: dir) }
        let alone = try LintCLI.run(["lint", "taskdef.json", "--format", "json"], in: dir)
        XCTAssertNotEqual(alone.status, 2, alone.stderr)
        XCTAssertEqual((try alone.json()["files"] as? [[String: Any]])?.first?["kind"] as? String, "taskdef")
        let paired = try LintCLI.run(["lint", LintCLI.fixtures.appendingPathComponent("clean.json").path, "--taskdef", "taskdef.json", "--format", "json"], in: dir)
        XCTAssertNotEqual(paired.status, 2, paired.stderr)
        let badPair = try LintCLI.run(["lint", "clean.json", "--taskdef", "nope.json"])
        XCTAssertEqual(badPair.status, 2)
    }

    /// The 1,485 AWS managed policies, end to end through the binary: no crash, every file read.
    func testManagedPolicyCorpusLintsWithoutCrash() throws {
        let corpus = CommandRunner.packageRoot.appendingPathComponent("Tests/IAMKitTests/Fixtures/managed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: corpus.path), "the managed-policy corpus fixture is part of the repository")
        let r = try LintCLI.run(["lint", corpus.path, "--format", "json"])
        XCTAssertTrue(r.status == 0 || r.status == 1, "exit \(r.status): \(r.stderr.prefix(500))")
        let report = try r.json()
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 1485)
        XCTAssertTrue(files.allSatisfy { $0["error"] == nil && $0["kind"] as? String == "identity" })
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertGreaterThan(summary["findings"] as? Int ?? 0, 0)
        // Every finding is pinned to a line.
        for f in files { for finding in f["findings"] as? [[String: Any]] ?? [] { XCTAssertNotNil(finding["line"] as? Int) } }
    }

    /// Files found by walking a directory, or named with a directory, are opened through their
    /// directory's handle (`openat`): each reads as the same file read on standard input (nested
    /// folders, a symbolic link to a file elsewhere, a path given with `./`, an absolute path).
    func testFilesOpenedThroughTheirDirectoryReadAsThemselves() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject","logs:CreateLogStream"],"Resource":"*"}]}"#
        let other = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssmmessages:*","Resource":"*"}]}"#
        let dir = try LintCLI.tempDir(["a.json": policy, "sub/deeper/b.json": other, "elsewhere/c.txt": other])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("sub/link.json").path,
                                                   withDestinationPath: dir.appendingPathComponent("elsewhere/c.txt").path)
        let walked = try LintCLI.run(["lint", ".", "--format", "json"], in: dir).json()
        let files = try XCTUnwrap(walked["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["./a.json", "./sub/deeper/b.json", "./sub/link.json"])
        XCTAssertTrue(files.allSatisfy { $0["error"] == nil })
        for (i, text) in [policy, other, other].enumerated() {
            let alone = try LintCLI.run(["lint", "-", "--format", "json"], in: dir, stdin: text).json()
            XCTAssertFalse(try LintCLI.findings(alone).isEmpty)
            XCTAssertEqual(try LintCLI.findings(walked, file: i).map { $0["message"] as? String },
                           try LintCLI.findings(alone).map { $0["message"] as? String }, "file \(i)")
        }
        let explicit = try LintCLI.run(["lint", "a.json", "sub/deeper/b.json", dir.appendingPathComponent("sub/link.json").path,
                                        "--format", "json"], in: dir).json()
        for i in 0..<3 {
            XCTAssertEqual(try LintCLI.findings(explicit, file: i).map { $0["message"] as? String },
                           try LintCLI.findings(walked, file: i).map { $0["message"] as? String }, "file \(i)")
        }
    }
    /// A directory's files are picked by extension in any case and listed in `String` order: the
    /// walk tests ASCII names' extensions on bytes, the definition (characters, `lowercased()`) is
    /// the reference here.
    func testDirectoryWalkPicksAndOrdersFilesAsStringsDo() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": []}"#
        let ascii = ["b.JSON", "a.Json", "c.yml", "C.YAML", "d.txt", "e.json", "Z.template", "x.json.bak", ".hidden.json",
                     "sub/f.json", "a-b.json", "a.json", "ab.json", "a.jsonx", "A.json", "a.JSO", "noext", "y.Yml", "a_b.json"]
        for names in [ascii, ascii + ["é.json", "f.jsön", "g.JSÖN"]] {
            let dir = try LintCLI.tempDir(Dictionary(uniqueKeysWithValues: names.map { ($0, policy) }))
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try LintCLI.run(["lint", dir.path, "--format", "json", "--only", "duplicate-sid"])
            let files = try XCTUnwrap(try r.json()["files"] as? [[String: Any]], r.stderr)
            let picked = names.filter { name in
                let last = name.split(separator: "/").last.map(String.init) ?? name
                guard !last.hasPrefix("."), let dot = last.lastIndex(of: ".") else { return false }
                return ["json", "yaml", "yml", "template"].contains(last[last.index(after: dot)...].lowercased())
            }
            XCTAssertEqual(files.compactMap { $0["path"] as? String }, picked.map { dir.path + "/" + $0 }.sorted())
        }
    }
}
