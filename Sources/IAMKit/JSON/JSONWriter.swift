/// Writes JSON the way ecsrole's files look: 2-space indent, `"key": value`, keys in model order,
/// a trailing newline. Deterministic, so generated files can be compared byte for byte (`--check`).
public enum JSONWriter {
    /// Pretty text with 2-space indentation and a final newline.
    public static func pretty(_ value: JSON) -> String {
        String(decoding: prettyUTF8(value), as: UTF8.self)
    }

    /// Appends `value` as `pretty` writes it when it sits `indent` spaces deep (no final newline),
    /// so a large document can be written part by part without building its whole tree.
    public static func appendPretty(_ value: JSON, indent: Int, to out: inout String) {
        write(value, indent: indent, into: &out)
    }

    /// `compact(value).unicodeScalars.count`, without building the text (`policy-size` asks for
    /// every policy of a corpus).
    public static func compactScalarCount(_ value: JSON) -> Int {
        switch value {
        case .null: return 4
        case .bool(let b): return b ? 4 : 5
        case .number(let n): return scalarCount(n)
        case .string(let s): return quotedScalarCount(s)
        case .array(let items):
            return 2 + max(items.count - 1, 0) + items.reduce(0) { $0 + compactScalarCount($1) }
        case .object(let members):
            return 2 + max(members.count - 1, 0)
                + members.reduce(0) { $0 + quotedScalarCount($1.key) + 1 + compactScalarCount($1.value) }
        }
    }

    /// `quote(s).unicodeScalars.count`, counted on UTF-8 bytes (a scalar is a byte that is not a
    /// continuation byte; decoding scalars was most of `policy-size` on large corpora).
    static func quotedScalarCount(_ s: String) -> Int {
        return s.withUTF8Bytes { bytes in
            // Eight plain ASCII bytes (no quote, backslash or control character) are eight scalars.
            var i = JSONWordScan.plainWords(bytes, from: 0, asciiOnly: true)
            var n = 2 + i
            while i < bytes.count {
                switch bytes[i] {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09: n += 2
                case ..<0x20: n += 6
                case 0x80..<0xC0: break
                default: n += 1
                }
                i += 1
            }
            return n
        }
    }

    /// `s.unicodeScalars.count`, on UTF-8 bytes.
    static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// Single-line text with no spaces (for size measurement and CLI arguments).
    public static func compact(_ value: JSON) -> String {
        var out = ""
        writeCompact(value, into: &out)
        return out
    }

    private static func appendSpaces(_ n: Int, to out: inout String) {
        out.append(String(repeating: " ", count: n))
    }

    private static func write(_ value: JSON, indent: Int, into out: inout String) {
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append("[\n")
            for (i, item) in items.enumerated() {
                appendSpaces(indent + 2, to: &out)
                write(item, indent: indent + 2, into: &out)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            appendSpaces(indent, to: &out); out.append("]")
        case .object(let members) where !members.isEmpty:
            out.append("{\n")
            for (i, m) in members.enumerated() {
                appendSpaces(indent + 2, to: &out)
                appendQuoted(m.key, to: &out); out.append(": ")
                write(m.value, indent: indent + 2, into: &out)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            appendSpaces(indent, to: &out); out.append("}")
        default:
            writeCompact(value, into: &out)
        }
    }

    private static func writeCompact(_ value: JSON, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n)
        case .string(let s): appendQuoted(s, to: &out)
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() { if i > 0 { out.append(",") }; writeCompact(item, into: &out) }
            out.append("]")
        case .object(let members):
            out.append("{")
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(",") }
                appendQuoted(m.key, to: &out); out.append(":"); writeCompact(m.value, into: &out)
            }
            out.append("}")
        }
    }

    /// Appends `quote(s)` without building the quoted string first (a report holds ~100,000 strings).
    private static func appendQuoted(_ s: String, to out: inout String) {
        if !needsEscape(s) {
            out.append("\""); out.append(s); out.append("\"")
        } else {
            out.append(quote(s))
        }
    }

    /// Whether `quote` changes anything inside `s`, checked on contiguous UTF-8 (a `contains` over
    /// `String.UTF8View` goes through its general iterator).
    private static func needsEscape(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { $0.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } }
    }

    /// A JSON string literal for `s`.
    public static func quote(_ s: String) -> String {
        // Fast path: most strings need no escaping; appending them whole avoids a per-scalar loop.
        if !needsEscape(s) {
            return "\"" + s + "\""
        }
        // Escape on UTF-8 bytes: finding messages quote names ("…"), so this path is common.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(s.utf8.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(c)
            case UInt8(ascii: "\\"): bytes.append(c); bytes.append(c)
            case 10: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 13: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 9: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case ..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(c >> 4)]); bytes.append(hex[Int(c & 15)])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
