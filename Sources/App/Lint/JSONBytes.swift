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
    /// `\t`, other control characters as `\u00XX`; everything else as is).
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { quoted($0) }
    }

    /// A string, or `null`.
    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    /// `u` as a JSON string literal: the runs between bytes that need an escape are copied whole.
    ///
    /// Scanning byte by byte with `contains(where:)` and then copying was half of the report's cost.
    mutating func quoted(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var run = 0
        while true {
            let special = Self.firstSpecial(u, from: run)
            if special > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<special])) }
            guard special < u.count else { break }
            escaped(u[special])
            run = special + 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `start` that needs an escape (a quote, a backslash or
    /// a control character), or `u.count`.
    ///
    /// Eight bytes at a time with the "has a byte less than n / equal to n" tricks of "Bit Twiddling
    /// Hacks": they tell exactly whether a word holds such a byte; the byte itself is then found one by
    /// one within that word.
    static func firstSpecial(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = UnsafeRawPointer(u.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= u.count {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let special = ((w &- ones &* 0x20) & ~w & highs)
                    | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
                if special != 0 { break }
                i += 8
            }
        }
        while i < u.count {
            let c = u[i]
            if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return i
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
