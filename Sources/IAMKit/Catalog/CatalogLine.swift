/// The catalog text, shared by reference so every `ActionInfo` can point back into it.
final class CatalogText: Sendable {
    let string: String

    init(_ string: String) {
        var s = string
        // Native strings are contiguous UTF-8 already; this only copies a bridged or lazy one.
        s.makeContiguousUTF8()
        self.string = s
    }

    /// Runs `body` over the UTF-8 bytes.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var s = string
        return s.withUTF8(body)
    }
}

/// An action's `D|keys|dependents|description` line: line `index` of its service's detail region
/// (`start..<end`), found and decoded only when asked. The details sit apart from the blocks so
/// that parsing a service never reads (or pages in) its descriptions: `lint` never shows them.
struct CatalogLine: Sendable {
    let text: CatalogText
    let start: Int32
    let end: Int32
    let index: Int32

    /// Field `n` of the line after `D|` (0 keys, 1 dependents, 2 description, which keeps any `|`).
    func field(_ n: Int) -> String? {
        text.withBytes { b in
            // Skip to the line.
            var i = Int(start), line = 0
            let end = Int(end)
            while line < Int(index) && i < end {
                if b[i] == 10 { line += 1 }
                i += 1
            }
            guard line == Int(index), i + 2 <= end, b[i] == UInt8(ascii: "D"), b[i + 1] == UInt8(ascii: "|") else { return nil }
            i += 2
            var lineEnd = i
            while lineEnd < end && b[lineEnd] != 10 { lineEnd += 1 }
            var fieldStart = i, current = 0
            while i < lineEnd {
                if b[i] == UInt8(ascii: "|") && current < 2 {
                    if current == n { break }
                    current += 1
                    fieldStart = i + 1
                }
                i += 1
            }
            guard current == n else { return nil }
            let stop = n == 2 ? lineEnd : i
            return String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<stop]), as: UTF8.self)
        }
    }

    /// Field `n` as a comma-separated list (empty when the field is empty).
    func list(_ n: Int) -> [String] {
        guard let f = field(n), !f.isEmpty else { return [] }
        return f.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A comma-separated list in the catalog text (`start..<end`), split only when asked.
struct CatalogSpan: Sendable {
    let text: CatalogText
    let start: Int32
    let end: Int32

    /// The span's text.
    var string: String {
        guard end > start else { return "" }
        return text.withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self) }
    }

    /// The items, in order (empty when the span is).
    func list() -> [String] {
        guard end > start else { return [] }
        return text.withBytes { b in
            UnsafeBufferPointer(rebasing: b[Int(start)..<Int(end)])
                .split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
