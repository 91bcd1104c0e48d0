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

    private static func write(_ value: JSON, indent: Int, into out: inout String) {
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                write(item, indent: indent + 2, into: &out)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent)); out.append("]")
        case .object(let members) where !members.isEmpty:
            out.append("{\n")
            for (i, m) in members.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                out.append(quote(m.key)); out.append(": ")
                write(m.value, indent: indent + 2, into: &out)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent)); out.append("}")
        default:
            writeCompact(value, into: &out)
        }
    }

    private static func writeCompact(_ value: JSON, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n)
        case .string(let s): out.append(quote(s))
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() { if i > 0 { out.append(",") }; writeCompact(item, into: &out) }
            out.append("]")
        case .object(let members):
            out.append("{")
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(",") }
                out.append(quote(m.key)); out.append(":"); writeCompact(m.value, into: &out)
            }
            out.append("}")
        }
    }

    /// A JSON string literal for `s`.
    public static func quote(_ s: String) -> String {
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
