import Dispatch
import Foundation
import IAMKit

/// The machine-readable report, `version` 1:
/// `{"version":1,"files":[{"path","kind","findings":[{"rule","slug","severity","title","message","fix",
/// "pointer","line","column"}]}],"summary":{"files","findings","bySeverity"}}`.
///
/// Additive fields (never renamed or removed within a version): a finding's `role` and `document`
/// when known, and a file's `error` (`message`, `line`, `column`) when it could not be read.
public enum JSONReportFormatter {
    public static func render(_ report: LintReport) -> String {
        var out = ""
        write(report) { out.append($0) }
        return out
    }

    /// `render`'s text, handed to `emit` in a few parts in order, so a caller can print it without
    /// holding it twice (the report of a large corpus is several megabytes).
    public static func write(_ report: LintReport, to emit: (String) -> Void) {
        let all = report.allFindings
        let bySeverity = JSON.obj(Severity.allCases.reversed().map { s in
            (s.rawValue, .number(String(all.filter { $0.severity == s }.count)))
        })
        let summary = JSON.obj([
            ("files", .number(String(report.files.count))),
            ("findings", .number(String(all.count))),
            ("bySeverity", bySeverity),
            ("unreadableFiles", .number(String(report.files.filter { $0.error != nil }.count))),
        ])
        guard !report.files.isEmpty else {
            emit(JSONWriter.pretty(.obj([("version", .number("1")), ("files", .array([])), ("summary", summary)])))
            return
        }
        // The text `JSONWriter.pretty` gives for the whole tree, written file by file (the tree of a
        // large corpus's findings cost more memory than the text), in chunks rendered a batch at a
        // time on all cores and emitted in order: only one batch of text is held at once.
        let files = report.files
        let chunks = min(files.count, 32)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        emit("{\n  \"version\": 1,\n  \"files\": [\n")
        for first in stride(from: 0, to: chunks, by: width) {
            let batch = min(width, chunks - first)
            let texts = ChunkTexts(count: batch)
            DispatchQueue.concurrentPerform(iterations: batch) { k in
                let c = first + k
                var text = ""
                for i in stride(from: c * files.count / chunks, to: (c + 1) * files.count / chunks, by: 1) {
                    text.append("    ")
                    JSONWriter.appendPretty(fileJSON(files[i]), indent: 4, to: &text)
                    text.append(i + 1 < files.count ? ",\n" : "\n")
                }
                texts.set(k, text)
            }
            for t in texts.values { emit(t) }
        }
        var tail = "  ],\n  \"summary\": "
        JSONWriter.appendPretty(summary, indent: 2, to: &tail)
        tail.append("\n}\n")
        emit(tail)
    }

    static func fileJSON(_ file: LintReport.File) -> JSON {
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
        return .obj(fileMembers)
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

/// Per-chunk report text written from `concurrentPerform`'s threads, each slot once, under a lock.
private final class ChunkTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String]

    init(count: Int) { texts = Array(repeating: "", count: count) }

    func set(_ i: Int, _ text: String) { lock.lock(); texts[i] = text; lock.unlock() }

    var values: [String] { lock.lock(); defer { lock.unlock() }; return texts }
}
