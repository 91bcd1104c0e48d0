import IAMKit

/// The machine-readable report, `version` 1:
/// `{"version":1,"files":[{"path","kind","findings":[{"rule","slug","severity","title","message","fix",
/// "pointer","line","column"}]}],"summary":{"files","findings","bySeverity"}}`.
///
/// Additive fields (never renamed or removed within a version): a finding's `role` and `document`
/// when known, and a file's `error` (`message`, `line`, `column`) when it could not be read.
public enum JSONReportFormatter {
    public static func render(_ report: LintReport) -> String {
        var files: [JSON] = []
        for file in report.files {
            var fileMembers: [(String, JSON)] = [
                ("path", .string(file.path)),
                ("kind", file.kind.map(JSON.string) ?? .null),
                ("findings", .array(file.items.map(finding))),
            ]
            if let e = file.error {
                fileMembers.append(("error", .obj([
                    ("message", .string(e.message)),
                    ("line", e.position.map { .number(String($0.line)) } ?? .null),
                    ("column", e.position.map { .number(String($0.column)) } ?? .null),
                ])))
            }
            files.append(.obj(fileMembers))
        }
        let bySeverity = JSON.obj(Severity.allCases.reversed().map { s in
            (s.rawValue, .number(String(report.allFindings.filter { $0.severity == s }.count)))
        })
        let root = JSON.obj([
            ("version", .number("1")),
            ("files", .array(files)),
            ("summary", .obj([
                ("files", .number(String(report.files.count))),
                ("findings", .number(String(report.allFindings.count))),
                ("bySeverity", bySeverity),
                ("unreadableFiles", .number(String(report.files.filter { $0.error != nil }.count))),
            ])),
        ])
        return JSONWriter.pretty(root)
    }

    static func finding(_ item: LintReport.Item) -> JSON {
        let f = item.finding
        var m: [(String, JSON)] = [
            ("rule", .string(f.rule)),
            ("slug", .string(f.slug)),
            ("severity", .string(f.severity.rawValue)),
            ("title", .string(f.title)),
            ("message", .string(f.message)),
            ("fix", .string(f.fix)),
            ("pointer", .string(f.pointer)),
            ("line", f.position.map { .number(String($0.line)) } ?? .null),
            ("column", f.position.map { .number(String($0.column)) } ?? .null),
        ]
        if let r = item.role { m.append(("role", .string(r))) }
        if let d = f.document { m.append(("document", .string(d))) }
        return .obj(m)
    }
}
