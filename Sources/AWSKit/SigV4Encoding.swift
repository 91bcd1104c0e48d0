import Foundation

/// The string rules of SigV4: RFC 3986 encoding, path normalisation, header value trimming.
public enum SigV4Encoding {
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// Percent-encodes every byte outside the unreserved set (uppercase hex), optionally keeping `/`.
    public static func uriEncode(_ s: String, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            if unreserved.contains(b) || (keepSlash && b == UInt8(ascii: "/")) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes byte-wise; malformed escapes stay literal (the signer must not fail on them).
    public static func percentDecode(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out = [UInt8](); out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes `.`, `..` and empty segments, keeping a trailing slash (RFC 3986 §5.2.4 style).
    public static func normalize(_ path: String) -> String {
        var stack: [Substring] = []
        for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." { _ = stack.popLast(); continue }
            stack.append(seg)
        }
        var result = "/" + stack.joined(separator: "/")
        let lastSeg = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let endsLikeDir = path.hasSuffix("/") || lastSeg == "." || lastSeg == ".."
        if endsLikeDir && !stack.isEmpty { result += "/" }
        return result
    }

    /// Each `key=value` decoded then re-encoded, sorted by key then value (byte order).
    public static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs: [(String, String)] = query.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = uriEncode(percentDecode(String(kv[0])))
            let v = kv.count > 1 ? uriEncode(percentDecode(String(kv[1]))) : ""
            return (k, v)
        }
        return pairs.sorted { a, b in
            a.0 == b.0 ? Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8))
                       : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
        }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Form-encodes Query-protocol parameters (sorted, RFC 3986) for a POST body.
    public static func formBody(_ params: [String: String]) -> String {
        params.sorted { $0.key < $1.key }.map { "\(uriEncode($0.key))=\(uriEncode($0.value))" }.joined(separator: "&")
    }

    /// Trims and collapses every run of whitespace (including folded line breaks) to one space.
    public static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }
}
