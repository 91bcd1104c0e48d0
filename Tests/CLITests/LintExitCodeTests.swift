import Foundation
import TestSupport
import XCTest

/// Exit codes (0 clean, 1 finding at or above --fail-on, 2 usage or unreadable input) and inputs.
final class LintExitCodeTests: XCTestCase {
    func testCleanPolicyExitsZero() throws {
        let r = try LintCLI.run(["lint", "clean.json"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    }

    func testFailOnThreshold() throws {
        XCTAssertEqual(try LintCLI.run(["lint", "wildcard.json"]).status, 1)
        XCTAssertEqual(try LintCLI.run(["lint", "wildcard.json", "--fail-on", "info"]).status, 1)
        // Only loader notes, none here: nothing can reach the threshold.
        XCTAssertEqual(try LintCLI.run(["lint", "wildcard.json", "--only", "unreadable-policy", "--fail-on", "info"]).status, 0)
    }

    func testUsageErrorsExitTwo() throws {
        for args in [["lint", "wildcard.json", "--fail-on", "severe"], ["lint", "wildcard.json", "--format", "xml"],
                     ["lint", "wildcard.json", "--kind", "nonsense"], ["lint", "missing.json"], ["lint"]] {
            let r = try LintCLI.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
        }
    }

    func testUnreadableJSONReportsFileLineColumnAndExitsTwo() throws {
        let r = try LintCLI.run(["lint", "broken.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("broken.json:4:67: error: trailing comma before '}'"), r.stdout)
        let j = try LintCLI.run(["lint", "broken.json", "--format", "json"])
        XCTAssertEqual(j.status, 2)
        XCTAssertTrue(j.stderr.contains("broken.json:4:67:"), j.stderr)
        let file = try XCTUnwrap((try j.json()["files"] as? [[String: Any]])?.first)
        let error = try XCTUnwrap(file["error"] as? [String: Any])
        XCTAssertEqual(error["line"] as? Int, 4)
        XCTAssertEqual(error["column"] as? Int, 67)
    }

    /// Two wins over one: a run that could not read all input must not pass as an ordinary failure.
    func testDirectoryWithOneBrokenFileLintsTheRestAndExitsTwo() throws {
        let dir = try LintCLI.tempDir([
            "a/wildcard.json": try String(contentsOf: LintCLI.fixtures.appendingPathComponent("wildcard.json"), encoding: .utf8),
            "b/broken.json": try String(contentsOf: LintCLI.fixtures.appendingPathComponent("broken.json"), encoding: .utf8),
            "b/clean.json": try String(contentsOf: LintCLI.fixtures.appendingPathComponent("clean.json"), encoding: .utf8),
            ".hidden/skip.json": "not json",
            "notes.txt": "not linted",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try LintCLI.run(["lint", ".", "--format", "json"], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        let files = try XCTUnwrap(try r.json()["files"] as? [[String: Any]])
        XCTAssertEqual(files.compactMap { $0["path"] as? String }, ["./a/wildcard.json", "./b/broken.json", "./b/clean.json"])
        XCTAssertNotNil(files[1]["error"])
        XCTAssertFalse(try XCTUnwrap(files[0]["findings"] as? [Any]).isEmpty)
        let summary = try XCTUnwrap(try r.json()["summary"] as? [String: Any])
        XCTAssertEqual(summary["unreadableFiles"] as? Int, 1)
    }

    func testStdinAndForcedKind() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"#
        let r = try LintCLI.run(["lint", "-", "--format", "json"], stdin: policy)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual((try r.json()["files"] as? [[String: Any]])?.first?["path"] as? String, "-")
        let unknown = try LintCLI.run(["lint", "-"], stdin: #"{"hello": 1}"#)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stdout.contains("-:1:1: error: cannot tell what this file is"), unknown.stdout)
        let forced = try LintCLI.run(["lint", "-", "--kind", "taskdef", "--format", "json"], stdin: #"{"hello": 1}"#)
        XCTAssertEqual(forced.status, 2)
    }
}
