import Foundation

/// The INI files the AWS CLI reads: `~/.aws/credentials` (`[name]`) and `~/.aws/config`
/// (`[default]`, `[profile name]`; other section kinds such as `[sso-session x]` are kept apart).
public struct SharedConfigFile: Sendable, Equatable {
    /// Profile name -> key -> value (keys lowercased, as the CLI treats them).
    public var profiles: [String: [String: String]]
    public var path: String

    /// Parses the file; a missing or unreadable file is an empty one (the CLI does the same).
    public init(path: String, isConfigFile: Bool) {
        self.path = path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        self.profiles = Self.parse(text, isConfigFile: isConfigFile)
    }

    public init(text: String, path: String, isConfigFile: Bool) {
        self.path = path
        self.profiles = Self.parse(text, isConfigFile: isConfigFile)
    }

    static func parse(_ text: String, isConfigFile: Bool) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var current: String?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = sectionProfileName(inner, isConfigFile: isConfigFile)
                if let c = current, result[c] == nil { result[c] = [:] }
                lastKey = nil
                continue
            }
            guard let section = current else { continue }
            // An indented line continues a nested block (e.g. `s3 =\n  max_concurrent_requests = 1`): skip it.
            if line.first == " " || line.first == "\t", lastKey != nil { continue }
            guard let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            // Inline comments need a space before `#`/`;`, as in the CLI's parser.
            for marker in [" #", " ;"] { if let r = value.range(of: marker) { value = String(value[..<r.lowerBound]).trimmingCharacters(in: .whitespaces) } }
            result[section]![key] = value
            lastKey = key
        }
        return result
    }

    /// `default` and `profile x` in config, any name in credentials; nil for other config sections.
    static func sectionProfileName(_ inner: String, isConfigFile: Bool) -> String? {
        guard isConfigFile else { return inner }
        if inner == "default" { return "default" }
        if inner.hasPrefix("profile ") || inner.hasPrefix("profile\t") {
            return inner.dropFirst("profile".count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
