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

/// One `A|…` line of the catalog (the part after `A|`), decoded field by field on demand.
struct CatalogLine: Sendable {
    let text: CatalogText
    let start: Int32
    let end: Int32

    /// Field `n` (0-based; the description is the last, 5, and keeps any further `|`).
    func field(_ n: Int) -> String? {
        text.withBytes { b in
            var i = Int(start), fieldStart = i, index = 0
            let end = Int(end)
            while i < end {
                if b[i] == UInt8(ascii: "|") && index < 5 {
                    if index == n { break }
                    index += 1
                    fieldStart = i + 1
                }
                i += 1
            }
            guard index == n else { return nil }
            let stop = n == 5 ? end : i
            return String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<stop]), as: UTF8.self)
        }
    }

    /// Field `n` as a comma-separated list (empty when the field is empty).
    func list(_ n: Int) -> [String] {
        guard let f = field(n), !f.isEmpty else { return [] }
        return f.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
