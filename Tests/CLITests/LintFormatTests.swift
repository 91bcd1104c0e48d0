import Foundation
import TestSupport
import XCTest

/// `ecsrole lint` output formats: text, JSON (schema fields) and SARIF 2.1.0 structure.
final class LintFormatTests: XCTestCase {
    func testTextFormatLinesFixAndSummary() throws {
        let r = try LintCLI.run(["lint", "wildcard.json"], environment: ["NO_COLOR": ""])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let finding = try XCTUnwrap(lines.first { $0.hasPrefix("wildcard.json:") }, r.stdout)
        // path:line:column: severity slug: message
        let pattern = #"^wildcard\.json:\d+:\d+: (info|low|medium|high|critical) [a-z0-9-]+: .+"#
        XCTAssertNotNil(finding.range(of: pattern, options: .regularExpression), finding)
        XCTAssertTrue(lines.contains { $0.hasPrefix("    fix: ") }, r.stdout)
        XCTAssertTrue(lines.contains { $0.range(of: #"^\d+ findings? \(.*\) in 1 of 1 file$"#, options: .regularExpression) != nil }, r.stdout)
        // Not a TTY: no colour codes.
        XCTAssertFalse(r.stdout.contains("\u{1B}["))
    }

    func testJSONReportFieldsAndPositions() throws {
        let r = try LintCLI.run(["lint", "wildcard.json", "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let report = try r.json()
        XCTAssertEqual(report["version"] as? Int, 1)
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(files[0]["path"] as? String, "wildcard.json")
        XCTAssertEqual(files[0]["kind"] as? String, "identity")
        let findings = try LintCLI.findings(report)
        XCTAssertFalse(findings.isEmpty)
        for f in findings {
            for key in ["rule", "slug", "severity", "title", "message", "fix", "pointer"] {
                XCTAssertNotNil(f[key] as? String, "\(key) missing in \(f)")
            }
            XCTAssertNotNil(f["line"] as? Int); XCTAssertNotNil(f["column"] as? Int)
            XCTAssertTrue(["info", "low", "medium", "high", "critical"].contains(f["severity"] as? String ?? ""))
        }
        // Something points at the wildcard Action on line 7, column 17.
        XCTAssertTrue(findings.contains { $0["pointer"] as? String == "/Statement/0/Action" && $0["line"] as? Int == 7 && $0["column"] as? Int == 17 },
                      "\(findings.map { ($0["slug"]!, $0["pointer"]!) })")
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 1)
        XCTAssertEqual(summary["findings"] as? Int, findings.count)
        let by = try XCTUnwrap(summary["bySeverity"] as? [String: Int])
        XCTAssertEqual(Set(by.keys), ["info", "low", "medium", "high", "critical"])
        XCTAssertEqual(by.values.reduce(0, +), findings.count)
    }

    func testSARIFStructure() throws {
        let r = try LintCLI.run(["lint", "wildcard.json", "broken.json", "--format", "sarif"])
        XCTAssertEqual(r.status, 2, r.stderr)
        try SARIFCheck.validate(r.json())
        let run = try XCTUnwrap((try r.json()["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        let loc = try XCTUnwrap(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((loc["artifactLocation"] as? [String: Any])?["uri"] as? String, "wildcard.json")
        // Every ruleId is described in tool.driver.rules, with help text.
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ids = Set(rules.compactMap { $0["id"] as? String })
        for res in results { XCTAssertTrue(ids.contains(res["ruleId"] as? String ?? ""), "\(res["ruleId"] ?? "")") }
        XCTAssertTrue(rules.allSatisfy { (($0["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        // The unreadable file is a tool notification and makes the run unsuccessful.
        let inv = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(inv["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((inv["toolExecutionNotifications"] as? [Any])?.count, 1)
    }

    func testOnlyAndIgnoreFilterAndUnknownRuleIsAUsageError() throws {
        let only = try LintCLI.run(["lint", "wildcard.json", "--only", "unknown-value", "--format", "json"])
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertEqual(try LintCLI.findings(only.json()).count, 0)
        let all = try LintCLI.findings(LintCLI.run(["lint", "wildcard.json", "--format", "json"]).json())
        let firstSlug = try XCTUnwrap(all.first?["slug"] as? String)
        let ignored = try LintCLI.findings(LintCLI.run(["lint", "wildcard.json", "--format", "json", "--ignore", firstSlug]).json())
        XCTAssertFalse(ignored.contains { $0["slug"] as? String == firstSlug })
        let bad = try LintCLI.run(["lint", "wildcard.json", "--only", "no-such-rule"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown rule \"no-such-rule\""), bad.stderr)
    }
}

/// The essential structure SARIF 2.1.0's schema requires (sarifLog, run, tool, toolComponent,
/// reportingDescriptor, result, message, location, region, invocation), checked by hand.
enum SARIFCheck {
    static func validate(_ log: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(log["version"] as? String, "2.1.0", file: file, line: line)
        XCTAssertNotNil(log["$schema"] as? String, file: file, line: line)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(runs.count, 1, file: file, line: line)
        for run in runs {
            let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any], file: file, line: line)
            XCTAssertEqual(driver["name"] as? String, "ecsrole", file: file, line: line)
            let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]], file: file, line: line)
            for rule in rules {
                XCTAssertNotNil(rule["id"] as? String, file: file, line: line)
                for key in ["shortDescription", "fullDescription", "help"] {
                    XCTAssertNotNil((rule[key] as? [String: Any])?["text"] as? String, "\(key) of \(rule["id"] ?? "")", file: file, line: line)
                }
                let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
                XCTAssertTrue(["none", "note", "warning", "error"].contains(level ?? ""), file: file, line: line)
            }
            XCTAssertEqual(Set(rules.compactMap { $0["id"] as? String }).count, rules.count, "rule ids unique", file: file, line: line)
            for result in run["results"] as? [[String: Any]] ?? [] {
                XCTAssertNotNil(result["ruleId"] as? String, file: file, line: line)
                if let i = result["ruleIndex"] as? Int { XCTAssertEqual(rules[i]["id"] as? String, result["ruleId"] as? String, file: file, line: line) }
                XCTAssertTrue(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""), file: file, line: line)
                XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String, file: file, line: line)
                for loc in result["locations"] as? [[String: Any]] ?? [] {
                    let phys = try XCTUnwrap(loc["physicalLocation"] as? [String: Any], file: file, line: line)
                    let uri = try XCTUnwrap((phys["artifactLocation"] as? [String: Any])?["uri"] as? String, file: file, line: line)
                    XCTAssertNotNil(URL(string: uri), "uri must be a URI reference: \(uri)", file: file, line: line)
                    if let region = phys["region"] as? [String: Any] {
                        XCTAssertGreaterThanOrEqual(region["startLine"] as? Int ?? 0, 1, file: file, line: line)
                        XCTAssertGreaterThanOrEqual(region["startColumn"] as? Int ?? 0, 1, file: file, line: line)
                    }
                }
            }
            for inv in run["invocations"] as? [[String: Any]] ?? [] {
                XCTAssertNotNil(inv["executionSuccessful"] as? Bool, file: file, line: line)
                for n in inv["toolExecutionNotifications"] as? [[String: Any]] ?? [] {
                    XCTAssertNotNil((n["message"] as? [String: Any])?["text"] as? String, file: file, line: line)
                }
            }
        }
    }
}
