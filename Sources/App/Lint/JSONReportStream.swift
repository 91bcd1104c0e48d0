import Foundation
import IAMKit

/// The JSON report written while the files are still being linted.
///
/// Each file's entry is rendered on the thread that linted it and written as soon as every file
/// before it is out, so a run holds neither the findings of the whole corpus nor the report text:
/// the text is the same as `JSONReportFormatter.render` of the report the entries make up.
///
/// Only for entries that are final as they come: `lint` merges entries that share a path (a paired
/// task definition, a file named twice), so it streams only when no path can repeat.
public final class JSONReportStream: @unchecked Sendable {
    /// What a finished stream tells the command.
    public struct Outcome: Sendable {
        public var tally: JSONReportFormatter.Tally
        /// The unreadable files, in input order, for the messages on standard error.
        public var errors: [(path: String, error: LintReport.FileError)]
    }

    /// One input's entries, rendered, waiting for the inputs before it.
    private struct Part {
        var text: JSONBytes
        var entries: Int
        var tally: JSONReportFormatter.Tally
        var errors: [(path: String, error: LintReport.FileError)]
    }

    private let lock = NSLock()
    private let emit: (UnsafeBufferPointer<UInt8>) -> Void
    private var waiting: [Int: Part] = [:]
    private var next = 0
    private var draining = false
    // Touched only by the one thread draining at a time.
    private var written = 0
    /// Entries written but not yet emitted: they go out in parts of at least `flushSize` bytes, not
    /// two `emit`s (two write(2) calls) per input file.
    private var pending = JSONBytes()
    static let flushSize = 64 * 1024
    private var outcome = Outcome(tally: JSONReportFormatter.Tally(), errors: [])

    /// - Parameter emit: called with the report's bytes in order, from whichever thread has them.
    public init(emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) { self.emit = emit }

    /// Hands over the entries of input `index` (0, 1, 2… each once, from any thread).
    public func submit(_ index: Int, _ entries: [LintReport.File]) {
        var part = Part(text: JSONBytes(capacity: JSONReportFormatter.sizeEstimate(entries)), entries: entries.count,
                        tally: JSONReportFormatter.Tally(), errors: [])
        for i in entries.indices {
            if i > 0 { part.text.raw(",\n") }
            JSONReportFormatter.entry(entries[i], into: &part.text)
            part.tally.add(entries[i])
            if let e = entries[i].error { part.errors.append((entries[i].path, e)) }
        }
        lock.lock()
        waiting[index] = part
        guard !draining else { lock.unlock(); return }
        draining = true
        while let ready = waiting.removeValue(forKey: next) {
            next += 1
            lock.unlock()
            write(ready)
            lock.lock()
        }
        draining = false
        lock.unlock()
    }

    private func write(_ part: Part) {
        guard part.entries > 0 else { return }
        if written == 0 { pending.bytes += JSONReportFormatter.head.bytes } else { pending.raw(",\n") }
        if part.text.bytes.count >= Self.flushSize {
            flush()
            part.text.bytes.withUnsafeBufferPointer(emit)
        } else {
            pending.bytes += part.text.bytes
            if pending.bytes.count >= Self.flushSize { flush() }
        }
        written += part.entries
        outcome.tally.add(part.tally)
        outcome.errors += part.errors
    }

    /// Hands the text gathered so far to `emit` (nothing when there is none).
    private func flush() {
        guard !pending.bytes.isEmpty else { return }
        pending.bytes.withUnsafeBufferPointer(emit)
        pending.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the summary once every input has been submitted.
    public func finish() -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        precondition(waiting.isEmpty && !draining, "an input was not submitted")
        let end = written == 0 ? JSONReportFormatter.empty(outcome.tally) : JSONReportFormatter.tail(outcome.tally)
        pending.bytes += end.bytes
        flush()
        return outcome
    }
}
