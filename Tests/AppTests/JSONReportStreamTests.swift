@testable import App
import ExecRoleKit
import IAMKit
import XCTest

/// The streamed JSON report is the formatter's text, whatever order the inputs finish in.
final class JSONReportStreamTests: XCTestCase {
    private func file(_ path: String, findings: Int, error: Bool = false) -> LintReport.File {
        let items = (0..<findings).map { i in
            LintReport.Item(finding: Finding(rule: "IAM00\(i)", slug: "s\(i)", severity: Severity.allCases[i % 5], title: "T \"q\"",
                                             message: "line\nbreak \u{01} é", fix: "", pointer: "/Statement/\(i)",
                                             position: i == 0 ? nil : SourcePosition(line: i, column: 2)),
                            role: i == 1 ? "r" : nil)
        }
        return LintReport.File(path: path, kind: error ? nil : "identity", items: items,
                               error: error ? LintReport.FileError(message: "bad", position: SourcePosition(line: 1, column: 1)) : nil)
    }

    private func streamed(_ parts: [[LintReport.File]], order: [Int]) -> (String, JSONReportStream.Outcome) {
        var bytes: [UInt8] = []
        let stream = JSONReportStream { bytes.append(contentsOf: $0) }
        for i in order { stream.submit(i, parts[i]) }
        let outcome = stream.finish()
        return (String(decoding: bytes, as: UTF8.self), outcome)
    }

    func testStreamedTextIsTheFormattersInAnyOrder() {
        let parts = [[file("a.json", findings: 3)], [], [file("b.json", findings: 0), file("td.json", findings: 1)],
                     [file("c.json", findings: 0, error: true)], [file("d.json", findings: 6)]]
        let report = LintReport(files: parts.flatMap { $0 }, rules: [])
        let expected = JSONReportFormatter.render(report)
        for order in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]] {
            let (text, outcome) = streamed(parts, order: order)
            XCTAssertEqual(text, expected, "order \(order)")
            XCTAssertEqual(outcome.errors.map(\.path), ["c.json"])
            XCTAssertEqual(outcome.tally.exitCode(failOn: .high), report.exitCode(failOn: .high))
        }
    }

    /// The report as `JSONWriter.pretty` writes the tree the version-1 schema describes.
    private func tree(_ report: LintReport) -> String {
        func finding(_ item: LintReport.Item) -> JSON {
            let f = item.finding
            var m: [(String, JSON)] = [
                ("rule", .string(f.rule)), ("slug", .string(f.slug)), ("severity", .string(f.severity.rawValue)),
                ("title", .string(f.title)), ("message", .string(f.message)), ("fix", .string(f.fix)),
                ("pointer", .string(f.pointer)),
                ("line", f.position.map { .number(String($0.line)) } ?? .null),
                ("column", f.position.map { .number(String($0.column)) } ?? .null),
            ]
            if let r = item.role { m.append(("role", .string(r))) }
            if let d = f.document { m.append(("document", .string(d))) }
            return .obj(m)
        }
        let files: [JSON] = report.files.map { file in
            var m: [(String, JSON)] = [("path", .string(file.path)), ("kind", file.kind.map(JSON.string) ?? .null),
                                       ("findings", .array(file.items.map(finding)))]
            if let e = file.error {
                m.append(("error", .obj([("message", .string(e.message)),
                                         ("line", e.position.map { .number(String($0.line)) } ?? .null),
                                         ("column", e.position.map { .number(String($0.column)) } ?? .null)])))
            }
            return .obj(m)
        }
        let all = report.allFindings
        let summary = JSON.obj([
            ("files", .number(String(report.files.count))), ("findings", .number(String(all.count))),
            ("bySeverity", .obj(Severity.allCases.reversed().map { s in (s.rawValue, .number(String(all.filter { $0.severity == s }.count))) })),
            ("unreadableFiles", .number(String(report.files.filter { $0.error != nil }.count))),
        ])
        return JSONWriter.pretty(.obj([("version", .number("1")), ("files", .array(files)), ("summary", summary)]))
    }

    func testFormatterWritesThePrettyTree() {
        var withDocument = file("x.json", findings: 2)
        withDocument.items[1].finding.document = "trust"
        for files in [[], [file("a.json", findings: 0)], [file("a.json", findings: 3), file("b", findings: 0, error: true), withDocument]] {
            let report = LintReport(files: files, rules: [])
            XCTAssertEqual(JSONReportFormatter.render(report), tree(report))
        }
    }

    func testNoEntriesIsTheEmptyReport() {
        let (text, outcome) = streamed([[]], order: [0])
        XCTAssertEqual(text, JSONReportFormatter.render(LintReport(files: [], rules: [])))
        XCTAssertEqual(outcome.tally.exitCode(failOn: .info), 0)
    }

    func testExitCodesFollowTheReport() {
        for files in [[file("a", findings: 2)], [file("a", findings: 5)], [file("a", findings: 1, error: true)]] {
            var tally = JSONReportFormatter.Tally()
            files.forEach { tally.add($0) }
            let report = LintReport(files: files, rules: [])
            for s in Severity.allCases { XCTAssertEqual(tally.exitCode(failOn: s), report.exitCode(failOn: s)) }
        }
    }

    func testBaseNameMatchesSplit() {
        for path in ["a/b/c.json", "c.json", "dir/", "/", "", "///x//", "é/ü.json", "a/\u{301}b.json", "-"] {
            XCTAssertEqual(LintPipeline.baseName(path), path.split(separator: "/").last.map(String.init) ?? path, path)
        }
    }
}
