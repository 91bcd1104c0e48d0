import IAMKit

/// A container image reference, classified by where the agent pulls it from.
public struct ImageReference: Equatable, Sendable {
    /// A private ECR image, or something the execution role does not need to pull.
    public enum Registry: Equatable, Sendable {
        case ecr(account: String, region: String, repository: String)
        /// `public.ecr.aws/…`: anonymous pull, no grant needed.
        case ecrPublic
        /// Docker Hub or another registry: no ECR grant (private ones use repositoryCredentials).
        case other(host: String)
    }

    public var registry: Registry
    public var tag: String?
    public var digest: String?

    /// Classifies an image string such as `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2`.
    public init(_ image: String) {
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") { digest = String(rest[rest.index(after: at)...]); rest = rest[..<at] } else { digest = nil }
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...]); rest = rest[..<colon]
        } else { tag = nil }
        let parts = rest.split(separator: "/", maxSplits: 1)
        let host = parts.count == 2 ? String(parts[0]) : ""
        let path = parts.count == 2 ? String(parts[1]) : String(rest)
        if host == "public.ecr.aws" { registry = .ecrPublic; return }
        // ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]
        let labels = host.split(separator: ".").map(String.init)
        if labels.count >= 6, labels[1] == "dkr", labels[2] == "ecr" || labels[2] == "ecr-fips",
           labels[4] == "amazonaws", labels[5] == "com" {
            registry = .ecr(account: labels[0], region: labels[3], repository: path)
            return
        }
        let isHost = host.contains(".") || host.contains(":") || host == "localhost"
        registry = .other(host: isHost ? host : "docker.io")
    }

    /// Whether the image has no tag and no digest, or the `latest` tag.
    public var unpinned: Bool { digest == nil && (tag == nil || tag == "latest") }
}
