/// Writes JSON the way ecsrole's files look: 2-space indent, `"key": value`, keys in model order,
/// a trailing newline. Deterministic, so generated files can be compared byte for byte (`--check`).
public enum JSONWriter {
    /// Pretty text with 2-space indentation and a final newline.
    public static func pretty(_ value: JSON) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
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
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append("\""); out.append(s); out.append("\"")
        } else {
            out.append(quote(s))
        }
    }

    /// A JSON string literal for `s`.
    public static func quote(_ s: String) -> String {
        // Fast path: most strings need no escaping; appending them whole avoids a per-scalar loop.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - h.count) + h)
            default: out.unicodeScalars.append(u)
            }
        }
        out.append("\"")
        return out
    }
}
