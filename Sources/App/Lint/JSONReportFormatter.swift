import Dispatch
import Foundation
import IAMKit

/// The machine-readable report, `version` 1:
/// `{"version":1,"files":[{"path","kind","findings":[{"rule","slug","severity","title","message","fix",
/// "pointer","line","column"}]}],"summary":{"files","findings","bySeverity"}}`.
///
/// Additive fields (never renamed or removed within a version): a finding's `role` and `document`
/// when known, and a file's `error` (`message`, `line`, `column`) when it could not be read.
///
/// The text is what `JSONWriter.pretty` gives for that tree (2-space indent, empty arrays as `[]`),
/// written straight as bytes: building the tree and then the text was most of the report's cost.
public enum JSONReportFormatter {
    public static func render(_ report: LintReport) -> String {
        var out = ""
        write(report) { out.append($0) }
        return out
    }

    /// `render`'s text, handed to `emit` in a few parts in order, so a caller can print it without
    /// holding it twice (the report of a large corpus is several megabytes).
    public static func write(_ report: LintReport, to emit: (String) -> Void) {
        writeUTF8(report) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// `write` as UTF-8 bytes (what the command sends to standard output).
    public static func writeUTF8(_ report: LintReport, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var tally = Tally()
        for file in report.files { tally.add(file) }
        let files = report.files
        guard !files.isEmpty else {
            emitting(empty(tally), to: emit)
            return
        }
        // Rendered in chunks, a batch of chunks at a time on all cores, and emitted in order: only one
        // batch of text is held at once.
        let chunks = min(files.count, 32)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        emitting(head, to: emit)
        for first in stride(from: 0, to: chunks, by: width) {
            let batch = min(width, chunks - first)
            let texts = ChunkTexts(count: batch)
            DispatchQueue.concurrentPerform(iterations: batch) { k in
                let c = first + k
                var out = JSONBytes(capacity: 64 * 1024)
                for i in stride(from: c * files.count / chunks, to: (c + 1) * files.count / chunks, by: 1) {
                    if i > 0 { out.raw(",\n") }
                    entry(files[i], into: &out)
                }
                texts.set(k, out.bytes)
            }
            for t in texts.values { t.withUnsafeBufferPointer(emit) }
        }
        emitting(tail(tally), to: emit)
    }

    private static func emitting(_ out: JSONBytes, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        out.bytes.withUnsafeBufferPointer(emit)
    }

    /// Everything before the first file entry.
    static var head: JSONBytes {
        var out = JSONBytes()
        out.raw("{\n  \"version\": 1,\n  \"files\": [\n")
        return out
    }

    /// Everything after the last file entry.
    static func tail(_ tally: Tally) -> JSONBytes {
        var out = JSONBytes()
        out.raw("\n  ],\n  \"summary\": ")
        summary(tally, into: &out)
        out.raw("\n}\n")
        return out
    }

    /// The whole report when there are no files.
    static func empty(_ tally: Tally) -> JSONBytes {
        var out = JSONBytes()
        out.raw("{\n  \"version\": 1,\n  \"files\": [],\n  \"summary\": ")
        summary(tally, into: &out)
        out.raw("\n}\n")
        return out
    }

    /// About the bytes `entry` writes for `files`, so the text is allocated once instead of growing
    /// through a dozen copies (a finding is ~800 bytes of report, most of them its message and fix).
    static func sizeEstimate(_ files: [LintReport.File]) -> Int {
        var n = 0
        for file in files {
            n += 160 + file.path.utf8.count
            for item in file.items {
                let f = item.finding
                // ~300 bytes of keys and indentation, the texts, and an eighth more for escapes: the
                // estimate without slug, document and role fell short for 70 % of the corpus's files,
                // each then copied into a buffer twice the size.
                n += 320 + f.slug.utf8.count + f.title.utf8.count + f.message.utf8.count + f.fix.utf8.count + f.pointer.utf8.count
                    + (f.document.map { 30 + $0.utf8.count } ?? 0) + (item.role.map { 30 + $0.utf8.count } ?? 0)
            }
        }
        return n + n / 8
    }

    /// One file as it stands in the `files` array: four spaces in, no separator after it.
    static func entry(_ file: LintReport.File, into out: inout JSONBytes) {
        out.raw("    {\n      \"path\": ")
        out.string(file.path)
        out.raw(",\n      \"kind\": ")
        out.string(file.kind)
        out.raw(",\n      \"findings\": ")
        if file.items.isEmpty {
            out.raw("[]")
        } else {
            out.raw("[\n")
            for i in file.items.indices {
                if i > 0 { out.raw(",\n") }
                finding(file.items[i], into: &out)
            }
            out.raw("\n      ]")
        }
        if let e = file.error {
            out.raw(",\n      \"error\": {\n        \"message\": ")
            out.string(e.message)
            out.raw(",\n        \"line\": ")
            out.number(e.position?.line)
            out.raw(",\n        \"column\": ")
            out.number(e.position?.column)
            out.raw("\n      }")
        }
        out.raw("\n    }")
    }

    /// One finding, eight spaces in.
    static func finding(_ item: LintReport.Item, into out: inout JSONBytes) {
        let f = item.finding
        out.raw("        {\n          \"rule\": ")
        out.string(f.rule)
        out.raw(",\n          \"slug\": ")
        out.string(f.slug)
        out.raw(",\n          \"severity\": ")
        out.string(f.severity.rawValue)
        out.raw(",\n          \"title\": ")
        out.string(f.title)
        out.raw(",\n          \"message\": ")
        out.string(f.message)
        out.raw(",\n          \"fix\": ")
        out.string(f.fix)
        out.raw(",\n          \"pointer\": ")
        out.string(f.pointer)
        out.raw(",\n          \"line\": ")
        out.number(f.position?.line)
        out.raw(",\n          \"column\": ")
        out.number(f.position?.column)
        if let r = item.role {
            out.raw(",\n          \"role\": ")
            out.string(r)
        }
        if let d = f.document {
            out.raw(",\n          \"document\": ")
            out.string(d)
        }
        out.raw("\n        }")
    }

    /// The `summary` object, two spaces in.
    static func summary(_ tally: Tally, into out: inout JSONBytes) {
        out.raw("{\n    \"files\": ")
        out.number(tally.files)
        out.raw(",\n    \"findings\": ")
        out.number(tally.findings)
        out.raw(",\n    \"bySeverity\": {")
        for (i, s) in Severity.allCases.reversed().enumerated() {
            out.raw(i == 0 ? "\n      \"" : ",\n      \"")
            out.bytes.append(contentsOf: s.rawValue.utf8)
            out.raw("\": ")
            out.number(tally.bySeverity[s.tallyIndex])
        }
        out.raw("\n    },\n    \"unreadableFiles\": ")
        out.number(tally.unreadable)
        out.raw("\n  }")
    }
}

/// Per-chunk report text written from `concurrentPerform`'s threads, each slot once, under a lock.
private final class ChunkTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [[UInt8]]

    init(count: Int) { texts = Array(repeating: [], count: count) }

    func set(_ i: Int, _ text: [UInt8]) { lock.lock(); texts[i] = text; lock.unlock() }

    var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return texts }
}
