extension JSONWriter {
    /// `pretty(value)` as UTF-8 bytes.
    ///
    /// The text is built as bytes and the strings copied in runs between the bytes that need an
    /// escape: appending piece by piece to a `String` (each append checked and grown on its own) was
    /// most of the SARIF report's cost, a tenth of `lint --format sarif` on the managed-policy corpus.
    public static func prettyUTF8(_ value: JSON) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        writeBytes(value, indent: 0, into: &out, emit: nil)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// `prettyUTF8(value)` handed to `emit` in parts of about 64 KB, in order, so a large document
    /// (the SARIF report of a corpus is ~10 MB) is never held as text whole.
    public static func writePrettyUTF8(_ value: JSON, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(Self.partSize + 4096)
        // An optional closure parameter is escaping; this one is only used during the call.
        withoutActuallyEscaping(emit) { emit in writeBytes(value, indent: 0, into: &out, emit: emit) }
        out.append(UInt8(ascii: "\n"))
        out.withUnsafeBufferPointer(emit)
    }

    /// The size at which `writePrettyUTF8` hands a part on.
    static let partSize = 64 * 1024

    /// `write(_:indent:into:)` on bytes: the same layout, piece for piece.
    /// With `emit`, the text so far is handed on and dropped whenever it passes `partSize`.
    static func writeBytes(_ value: JSON, indent: Int, into out: inout [UInt8], emit: ((UnsafeBufferPointer<UInt8>) -> Void)?) {
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            for i in items.indices {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                writeBytes(items[i], indent: indent + 2, into: &out, emit: emit)
                if i + 1 < items.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
                if let emit, out.count >= partSize { out.withUnsafeBufferPointer(emit); out.removeAll(keepingCapacity: true) }
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "\n")])
            for i in members.indices {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                appendQuotedBytes(members[i].key, to: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                writeBytes(members[i].value, indent: indent + 2, into: &out, emit: emit)
                if i + 1 < members.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
                if let emit, out.count >= partSize { out.withUnsafeBufferPointer(emit); out.removeAll(keepingCapacity: true) }
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(UInt8(ascii: "}"))
        default:
            writeCompactBytes(value, into: &out)
        }
    }

    /// `writeCompact(_:into:)` on bytes.
    static func writeCompactBytes(_ value: JSON, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): appendQuotedBytes(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for i in items.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCompactBytes(items[i], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for i in members.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendQuotedBytes(members[i].key, to: &out)
                out.append(UInt8(ascii: ":"))
                writeCompactBytes(members[i].value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `quote(s)` appended as bytes: the runs between bytes that need an escape are copied whole.
    public static func appendQuotedBytes(_ s: String, to out: inout [UInt8]) {
        // The string's own bytes when it has them contiguous (native strings do): `withUTF8` needs a
        // mutable copy, a retain and release per string of the report.
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, to: &out) }) != nil { return }
        var s = s
        s.withUTF8 { appendQuoted($0, to: &out) }
    }

    /// `appendQuotedBytes` on UTF-8 bytes.
    private static func appendQuoted(_ u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var run = 0
        while true {
            let special = firstEscaped(u, from: run)
            if special > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<special])) }
            guard special < u.count else { break }
            // Byte by byte: an array literal per escape (`[0x5C, c]`) was made and freed for each
            // of the report's 33,000 escaped quotes and line breaks.
            let c = u[special]
            out.append(UInt8(ascii: "\\"))
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(c)
            case 10: out.append(UInt8(ascii: "n"))
            case 13: out.append(UInt8(ascii: "r"))
            case 9: out.append(UInt8(ascii: "t"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigit(c >> 4))
                out.append(hexDigit(c & 15))
            }
            run = special + 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The lower-case hex digit of `d` (0–15).
    private static func hexDigit(_ d: UInt8) -> UInt8 { d < 10 ? UInt8(ascii: "0") + d : UInt8(ascii: "a") + d - 10 }

    /// The index of the first quote, backslash or control character at or after `start`, or
    /// `u.count`; eight bytes at a time while there is none (`JSONWordScan`).
    static func firstEscaped(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = JSONWordScan.plainWords(u, from: start, asciiOnly: false)
        while i < u.count {
            let c = u[i]
            if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return i
    }
}
