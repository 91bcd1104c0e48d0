import Foundation
import IAMKit

/// SARIF 2.1.0 (OASIS) for code-scanning services: one run, the rules that can fire as
/// `tool.driver.rules` (with help text), one result per finding.
///
/// Levels: critical/high → error, medium → warning, low/info → note; the exact severity is kept in
/// `properties.severity` and as a `security-severity` score, which GitHub uses to rank alerts.
public enum SARIFFormatter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ report: LintReport, toolVersion: String) -> String {
        String(decoding: renderUTF8(report, toolVersion: toolVersion), as: UTF8.self)
    }

    /// `render`'s text as UTF-8 bytes.
    public static func renderUTF8(_ report: LintReport, toolVersion: String) -> [UInt8] {
        JSONWriter.prettyUTF8(document(report, toolVersion: toolVersion))
    }

    /// `render`'s text handed to `emit` in parts, in order (what the command writes to standard output).
    public static func writeUTF8(_ report: LintReport, toolVersion: String, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        JSONWriter.writePrettyUTF8(document(report, toolVersion: toolVersion), to: emit)
    }

    /// The SARIF log as a `JSON` tree.
    static func document(_ report: LintReport, toolVersion: String) -> JSON {
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let rules: [JSON] = report.rules.map { r in
            .obj([
                ("id", .string(r.id)),
                ("name", .string(r.slug)),
                ("shortDescription", .obj([("text", .string(r.title))])),
                ("fullDescription", .obj([("text", .string(r.rationale))])),
                ("help", .obj([("text", .string(r.fix)), ("markdown", .string("**Fix:** \(r.fix)"))])),
                ("defaultConfiguration", .obj([("level", .string(level(r.severity)))])),
                ("properties", .obj([
                    ("severity", .string(r.severity.rawValue)),
                    ("security-severity", .string(securitySeverity(r.severity))),
                    ("tags", .array([.string("security"), .string("iam")])),
                ])),
            ])
        }
        var results: [JSON] = []
        for file in report.files {
            for item in file.items {
                let f = item.finding
                var region: [(String, JSON)] = []
                if let p = f.position { region = [("startLine", .number(String(p.line))), ("startColumn", .number(String(p.column)))] }
                var physical: [(String, JSON)] = [("artifactLocation", .obj([("uri", .string(uri(file.path)))]))]
                if !region.isEmpty { physical.append(("region", .obj(region))) }
                var result: [(String, JSON)] = [("ruleId", .string(f.rule))]
                if let i = ruleIndex[f.rule] { result.append(("ruleIndex", .number(String(i)))) }
                var props: [(String, JSON)] = [("severity", .string(f.severity.rawValue)), ("slug", .string(f.slug)), ("pointer", .string(f.pointer))]
                if let r = item.role { props.append(("role", .string(r))) }
                if let d = f.document { props.append(("document", .string(d))) }
                result += [
                    ("level", .string(level(f.severity))),
                    ("message", .obj([("text", .string(f.message))])),
                    ("locations", .array([.obj([("physicalLocation", .obj(physical))])])),
                    ("properties", .obj(props)),
                ]
                results.append(.obj(result))
            }
        }
        var notifications: [JSON] = []
        for file in report.files {
            guard let e = file.error else { continue }
            var physical: [(String, JSON)] = [("artifactLocation", .obj([("uri", .string(uri(file.path)))]))]
            if let p = e.position {
                physical.append(("region", .obj([("startLine", .number(String(p.line))), ("startColumn", .number(String(p.column)))])))
            }
            notifications.append(.obj([
                ("level", .string("error")),
                ("message", .obj([("text", .string(e.message))])),
                ("locations", .array([.obj([("physicalLocation", .obj(physical))])])),
            ]))
        }
        let run = JSON.obj([
            ("tool", .obj([("driver", .obj([
                ("name", .string("ecsrole")),
                ("version", .string(toolVersion)),
                ("informationUri", .string("https://github.com/ecsrole/ecsrole")),
                ("rules", .array(rules)),
            ]))])),
            ("invocations", .array([.obj([
                ("executionSuccessful", .bool(!report.hasUnreadable)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("results", .array(results)),
        ])
        return .obj([("$schema", .string(schemaURI)), ("version", .string("2.1.0")), ("runs", .array([run]))])
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub's bands: ≥ 9 critical, 7–8.9 high, 4–6.9 medium, < 4 low.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "1.0"
        }
    }

    /// A relative URI reference for a path: forward slashes, reserved characters percent-encoded.
    static func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return p.addingPercentEncoding(withAllowedCharacters: allowed) ?? p
    }
}
