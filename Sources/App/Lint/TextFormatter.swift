import IAMKit

/// `path:line:column: severity slug: message`, the fix indented below, files separated by a blank
/// line, then one summary line. Colour (severity only) when asked for: the command enables it on a
/// TTY without NO_COLOR.
public enum TextFormatter {
    public static func render(_ report: LintReport, color: Bool) -> String {
        var out = ""
        for file in report.files where !file.items.isEmpty || file.error != nil {
            if !out.isEmpty { out += "\n" }
            if let e = file.error {
                out += "\(location(file.path, e.position)): \(paint("error", .red, color)): \(e.message)\n"
            }
            for item in file.items {
                let f = item.finding
                var line = "\(location(file.path, f.position)): \(paint(f.severity.rawValue, colour(f.severity), color)) \(f.slug): \(f.message)"
                if file.multiRole, let role = item.role {
                    line += " [role \(role)" + (f.document.map { $0 == role ? "" : ", \($0)" } ?? "") + "]"
                }
                out += line + "\n"
                if !f.fix.isEmpty { out += "    fix: \(f.fix)\n" }
            }
        }
        if !out.isEmpty { out += "\n" }
        out += summary(report) + "\n"
        return out
    }

    /// `3 findings (1 critical, 2 medium) in 2 of 5 files` plus unreadable files, if any.
    public static func summary(_ report: LintReport) -> String {
        let n = report.allFindings.count
        let filesWith = report.files.filter { !$0.items.isEmpty }.count
        var s = n == 1 ? "1 finding" : "\(n) findings"
        if n > 0 { s += " (" + report.bySeverity.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ")" }
        s += " in \(filesWith) of \(report.files.count) file" + (report.files.count == 1 ? "" : "s")
        let bad = report.files.filter { $0.error != nil }.count
        if bad > 0 { s += "; \(bad) file" + (bad == 1 ? "" : "s") + " could not be read" }
        return s
    }

    /// `path:line:column`, or the path alone when the position is unknown.
    public static func location(_ path: String, _ p: SourcePosition?) -> String {
        p.map { "\(path):\($0.line):\($0.column)" } ?? path
    }

    enum Colour: String { case red = "31", magenta = "35", yellow = "33", blue = "34", gray = "90" }

    static func colour(_ s: Severity) -> Colour {
        switch s {
        case .critical: return .magenta
        case .high: return .red
        case .medium: return .yellow
        case .low: return .blue
        case .info: return .gray
        }
    }

    static func paint(_ text: String, _ c: Colour, _ on: Bool) -> String {
        on ? "\u{1B}[1;\(c.rawValue)m\(text)\u{1B}[0m" : text
    }
}
