import Foundation

/// Parsers for the typed condition families: dates, numbers, IP addresses, binary.
/// Foundation's formatters are avoided on purpose: they are locale- and platform-dependent, and IAM
/// accepts a small, fixed set of forms.
public enum ConditionValues {
    /// Seconds since 1970 for an IAM date: epoch seconds (`1700000000`) or ISO 8601
    /// (`2026-01-01`, `2026-01-01T10:00Z`, `2026-01-01T10:00:00.123+02:00`).
    public static func date(_ s: String) -> Double? {
        let t = s.trimmingSpaces
        if !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let d = Double(t) { return d }
        let c = Array(t.utf8)
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= c.count else { return nil }
            var v = 0
            for k in 0..<n {
                let d = c[i + k]
                guard d >= 48 && d <= 57 else { return nil }
                v = v * 10 + Int(d - 48)
            }
            i += n
            return v
        }
        func eat(_ ch: UInt8) -> Bool { if i < c.count && c[i] == ch { i += 1; return true }; return false }
        guard let y = num(4), eat(UInt8(ascii: "-")), let mo = num(2), eat(UInt8(ascii: "-")), let d = num(2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var secs = Double(daysFromCivil(y, mo, d)) * 86_400
        if i == c.count { return secs }
        guard eat(UInt8(ascii: "T")) || eat(UInt8(ascii: " ")), let h = num(2), eat(UInt8(ascii: ":")), let mi = num(2),
              h < 24, mi < 60 else { return nil }
        secs += Double(h * 3600 + mi * 60)
        if eat(UInt8(ascii: ":")) {
            guard let sec = num(2), sec < 61 else { return nil }
            secs += Double(sec)
            if eat(UInt8(ascii: ".")) {
                var frac = 0.0, scale = 0.1
                while i < c.count, c[i] >= 48 && c[i] <= 57 { frac += Double(c[i] - 48) * scale; scale /= 10; i += 1 }
                secs += frac
            }
        }
        if i == c.count || eat(UInt8(ascii: "Z")) { return i == c.count ? secs : nil }
        let sign: Double
        if eat(UInt8(ascii: "+")) { sign = 1 } else if eat(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let oh = num(2) else { return nil }
        _ = eat(UInt8(ascii: ":"))
        guard let om = num(2), i == c.count else { return nil }
        return secs - sign * Double(oh * 3600 + om * 60)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// A number as IAM reads it (integers and decimals).
    public static func number(_ s: String) -> Double? {
        let t = s.trimmingSpaces
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }) else { return nil }
        return Double(t)
    }

    /// `true`/`false`, case-insensitive.
    public static func bool(_ s: String) -> Bool? {
        switch s.trimmingSpaces.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Base64 decoded bytes, or nil when the text is not base64.
    public static func binary(_ s: String) -> [UInt8]? {
        Data(base64Encoded: s.trimmingSpaces).map { [UInt8]($0) }
    }

    /// An IP address as bytes (4 for IPv4, 16 for IPv6).
    public static func ipAddress(_ s: String) -> [UInt8]? {
        let t = s.trimmingSpaces
        if t.contains(":") { return ipv6(t) }
        return ipv4(t)
    }

    static func ipv4(_ s: String) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(p), v <= 255 else { return nil }
            out.append(UInt8(v))
        }
        return out
    }

    static func ipv6(_ s: String) -> [UInt8]? {
        var text = Substring(s)
        var tail4: [UInt8] = []
        // An embedded IPv4 address in the last 32 bits (`::ffff:10.0.0.1`).
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = ipv4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail4 = v4
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ h: String) -> [UInt16]? {
            if h.isEmpty { return [] }
            var g: [UInt16] = []
            for p in h.split(separator: ":", omittingEmptySubsequences: false) {
                guard !p.isEmpty, p.count <= 4, let v = UInt16(p, radix: 16) else { return nil }
                g.append(v)
            }
            return g
        }
        guard let head = groups(halves[0]) else { return nil }
        let back = halves.count == 2 ? groups(halves[1]) : []
        guard let back else { return nil }
        let want = tail4.isEmpty ? 8 : 6
        var all: [UInt16]
        if halves.count == 2 {
            guard head.count + back.count < want else { return nil }
            all = head + Array(repeating: 0, count: want - head.count - back.count) + back
        } else {
            guard head.count == want else { return nil }
            all = head
        }
        var bytes: [UInt8] = []
        for g in all { bytes.append(UInt8(g >> 8)); bytes.append(UInt8(g & 0xff)) }
        return bytes + tail4
    }

    /// Whether `ip` lies in `cidr` (`10.0.0.0/8`, `2001:db8::/32`, or a bare address = /32 or /128).
    public static func ip(_ ip: String, inCIDR cidr: String) -> Bool? {
        let parts = cidr.trimmingSpaces.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let net = ipAddress(String(first)), let addr = ipAddress(ip) else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) : net.count * 8
        guard let bits, bits >= 0, bits <= net.count * 8 else { return nil }
        guard net.count == addr.count else { return false }
        var left = bits
        for k in 0..<net.count where left > 0 {
            let take = min(8, left)
            let mask: UInt8 = take == 8 ? 0xff : UInt8(0xff << (8 - take) & 0xff)
            if net[k] & mask != addr[k] & mask { return false }
            left -= take
        }
        return true
    }
}
