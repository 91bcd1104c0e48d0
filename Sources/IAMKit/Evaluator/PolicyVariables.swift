import Foundation

/// Substitutes policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, `${*}`,
/// `${?}`, `${$}`) in Resource and condition values.
///
/// Only under `"Version": "2012-10-17"`: older policies treat `${…}` as literal text. A variable
/// whose key is absent (or multi-valued) and has no default cannot be resolved; IAM then treats the
/// value as not matching, so the caller gets `.unresolved` and decides what "not matching" means.
public enum PolicyVariables {
    /// The outcome of substituting one policy value.
    public enum Resolution: Sendable, Equatable {
        case pattern(WildcardPattern)
        /// The variable that could not be resolved (as written inside `${…}`).
        case unresolved(String)
    }

    /// Substitutes variables in `value`.
    /// - Parameters:
    ///   - enabled: whether the policy version supports variables.
    ///   - wildcards: whether `*`/`?` written in the value are wildcards (StringLike, ArnLike, Resource)
    ///     or literal (StringEquals).
    public static func resolve(_ value: String, context: RequestContext, enabled: Bool, wildcards: Bool) -> Resolution {
        func plain(_ s: Substring) -> [WildcardPattern.Token] {
            wildcards ? WildcardPattern.glob(String(s)).tokens : WildcardPattern.literal(String(s)).tokens
        }
        guard enabled, value.contains("${") else { return .pattern(WildcardPattern(tokens: plain(Substring(value)))) }
        var tokens: [WildcardPattern.Token] = []
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            tokens += plain(rest[..<open.lowerBound])
            let after = rest[open.upperBound...]
            guard let close = closingBrace(after) else {
                // No closing brace: not a variable, keep the text.
                tokens += plain(rest[open.lowerBound...])
                return .pattern(WildcardPattern(tokens: tokens))
            }
            let body = after[..<close].trimmingSpaces
            rest = after[after.index(after: close)...]
            switch body {
            case "*": tokens.append(.literal("*"))
            case "?": tokens.append(.literal("?"))
            case "$": tokens.append(.literal("$"))
            default:
                let (key, fallback) = splitDefault(body)
                if let vals = context.values(key), vals.count == 1 {
                    tokens += WildcardPattern.literal(vals[0]).tokens
                } else if let fallback {
                    tokens += WildcardPattern.literal(fallback).tokens
                } else {
                    return .unresolved(String(body))
                }
            }
        }
        tokens += plain(rest)
        return .pattern(WildcardPattern(tokens: tokens))
    }

    /// The `}` that ends a variable, skipping braces inside a quoted default.
    static func closingBrace(_ s: Substring) -> Substring.Index? {
        var inQuote = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "'" { inQuote.toggle() } else if c == "}" && !inQuote { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// `aws:username, 'guest'` → (`aws:username`, `guest`); `''` inside the quotes is one `'`.
    static func splitDefault(_ body: String) -> (String, String?) {
        guard let comma = body.firstIndex(of: ",") else { return (body, nil) }
        let key = body[..<comma].trimmingSpaces
        let raw = body[body.index(after: comma)...].trimmingSpaces
        guard raw.count >= 2, raw.hasPrefix("'"), raw.hasSuffix("'") else { return (key, nil) }
        let inner = raw.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
        return (key, inner)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (Foundation-free).
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
