import IAMKit

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

    /// The decimal digits of `n`, as `String(n)` spells them, written straight into the output
    /// (`String(n)` formatted through the generic integer printer for every line and column).
    mutating func number(_ n: Int) {
        // 20 bytes hold Int.min's 19 digits and its sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
            var end = 20
            var m = n.magnitude
            repeat {
                end -= 1
                buf[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0
            if n < 0 { end -= 1; buf[end] = UInt8(ascii: "-") }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[end..<20]))
        }
    }

    /// A number, or `null` when there is none.
    mutating func number(_ n: Int?) {
        if let n { number(n) } else { raw("null") }
    }

    /// The string as a JSON literal, escaped as `JSONWriter.quote` does (`\"`, `\\`, `\n`, `\r`,
    /// `\t`, other control characters as `\u00XX`; everything else as is), by
    /// `JSONWriter.appendQuotedBytes`: the runs between bytes that need an escape are copied whole.
    mutating func string(_ s: String) {
        JSONWriter.appendQuotedBytes(s, to: &bytes)
    }

    /// A string, or `null`.
    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }
}
