/// An Amazon Resource Name: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
///
/// The resource part may itself contain `:` and `/` (log streams, secret tails), so only the first
/// five separators split. Wildcards are kept as written: a policy's Resource is a pattern, not an ARN.
public struct ARN: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String, service: String, region: String, account: String, resource: String) {
        self.partition = partition; self.service = service; self.region = region
        self.account = account; self.resource = resource
    }

    /// Parses `text`; nil when it does not have the six `arn:` parts.
    public init?(_ text: String) {
        if let parsed = Self.parseASCII(text) {
            guard let arn = parsed else { return nil }
            self = arn
            return
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        partition = String(parts[1]); service = String(parts[2]); region = String(parts[3])
        account = String(parts[4]); resource = String(parts[5])
    }

    /// `init?(_:)` for ASCII text, on bytes (nil when the text is not ASCII: `split` then decides,
    /// on Characters, where a colon may carry a combining mark). The lint rules parse every
    /// Resource of every statement, and splitting into Substrings was most of that.
    private static func parseASCII(_ text: String) -> ARN?? {
        var text = text
        return text.withUTF8 { b -> ARN?? in
            guard Glob.isASCII(b) else { return .none }
            // The first five colons (a tuple: no allocation).
            var cuts = (0, 0, 0, 0, 0), found = 0, i = 0
            while i < b.count && found < 5 {
                if b[i] == UInt8(ascii: ":") {
                    switch found {
                    case 0: cuts.0 = i
                    case 1: cuts.1 = i
                    case 2: cuts.2 = i
                    case 3: cuts.3 = i
                    default: cuts.4 = i
                    }
                    found += 1
                }
                i += 1
            }
            guard found == 5, cuts.0 == 3, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "r"), b[2] == UInt8(ascii: "n") else {
                return .some(nil)
            }
            func part(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) }
            return ARN(partition: part(4, cuts.1), service: part(cuts.1 + 1, cuts.2), region: part(cuts.2 + 1, cuts.3),
                       account: part(cuts.3 + 1, cuts.4), resource: part(cuts.4 + 1, b.count))
        }
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The resource type prefix (`repository` in `repository/app`, `log-group` in `log-group:x:*`).
    public var resourceType: String {
        let cut = resource.firstIndex { $0 == "/" || $0 == ":" } ?? resource.endIndex
        return String(resource[..<cut])
    }

    /// The part after the resource type and its separator.
    public var resourceName: String {
        guard let cut = resource.firstIndex(where: { $0 == "/" || $0 == ":" }) else { return "" }
        return String(resource[resource.index(after: cut)...])
    }
}

/// An AWS partition and its naming facts.
public enum Partition: String, CaseIterable, Sendable {
    case aws
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"

    /// DNS suffix of service endpoints and service principals.
    public var dnsSuffix: String {
        switch self {
        case .aws, .awsUSGov: return "amazonaws.com"
        case .awsCN: return "amazonaws.com.cn"
        }
    }

    /// The partition a region belongs to (`cn-north-1` → aws-cn, `us-gov-west-1` → aws-us-gov).
    public static func forRegion(_ region: String) -> Partition {
        if region.hasPrefix("cn-") { return .awsCN }
        if region.hasPrefix("us-gov-") { return .awsUSGov }
        return .aws
    }

    /// Whether `region` has the shape of an AWS region name (`us-east-1`, `us-gov-west-1`, `cn-north-1`).
    public static func isRegionName(_ region: String) -> Bool {
        let parts = region.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, Int(last) != nil else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase && $0.isASCII } }
    }
}

/// Account id checks.
public enum AccountID {
    /// Whether `s` is a 12-digit AWS account id.
    public static func isValid(_ s: String) -> Bool { s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
