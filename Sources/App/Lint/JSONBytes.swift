/// UTF-8 output being built: the few JSON pieces the lint report is made of, appended as bytes.
///
/// The report used to be a `JSON` tree per file written into a `String`; for the managed-policy
/// corpus that was the 7.5 MB report built twice (tree, then text) with String's per-append checks.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func spaces(_ n: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) }

    /// A newline, then `indent` spaces.
    mutating func newline(_ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        spaces(indent)
    }

    /// `"key": ` at the start of an object member.
    mutating func key(_ text: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(text)
        raw("\": ")
    }

    mutating func number(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    /// A number, or `null` when there is none.
    mutating func number(_ n: Int?) {
        if let n { number(n) } else { raw("null") }
    }

    /// The string as a JSON literal, escaped as `JSONWriter.quote` does (`\"`, `\\`, `\n`, `\r`,
    /// `\t`, other control characters as `\u00XX`; everything else as is).
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            bytes.append(UInt8(ascii: "\""))
            if !u.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: u)
            } else {
                for c in u { escaped(c) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// A string, or `null`.
    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    private mutating func escaped(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 10: raw("\\n")
        case 13: raw("\\r")
        case 9: raw("\\t")
        case ..<0x20:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            hex.withUTF8Buffer { h in
                bytes.append(h[Int(c >> 4)])
                bytes.append(h[Int(c & 15)])
            }
        default: bytes.append(c)
        }
    }
}
