import Foundation

/// Why no credentials (or no region) could be resolved. Messages name the profile and file, never a secret.
public enum CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing in the chain produced keys.
    case notFound(profile: String?)
    /// The named profile is in neither the credentials nor the config file.
    case profileNotFound(String, files: [String])
    /// A profile has half a key pair or an unusable setting.
    case invalidProfile(String, reason: String)
    /// `source_profile` chains loop back on themselves.
    case sourceProfileCycle([String])
    /// `credential_process` failed or printed something unusable.
    case processFailed(profile: String, reason: String)
    /// STS AssumeRole for `role_arn` failed.
    case assumeRoleFailed(profile: String, roleArn: String, reason: String)
    /// No region from the flag, AWS_REGION, AWS_DEFAULT_REGION or the profile.
    case noRegion(profile: String?)
    /// An endpoint override is not a URL.
    case invalidEndpoint(variable: String, value: String)

    public var description: String {
        switch self {
        case .notFound(let p):
            return "no AWS credentials found (looked at AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and profile \"\(p ?? "default")\" in ~/.aws/credentials and ~/.aws/config)"
        case .profileNotFound(let p, let files):
            return "AWS profile \"\(p)\" not found in \(files.joined(separator: " or "))"
        case .invalidProfile(let p, let reason):
            return "AWS profile \"\(p)\": \(reason)"
        case .sourceProfileCycle(let chain):
            return "AWS profile source_profile cycle: \(chain.joined(separator: " -> "))"
        case .processFailed(let p, let reason):
            return "AWS profile \"\(p)\": credential_process \(reason)"
        case .assumeRoleFailed(let p, let arn, let reason):
            return "AWS profile \"\(p)\": assuming \(arn) failed: \(reason)"
        case .noRegion(let p):
            return "no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add region to profile \"\(p ?? "default")\""
        case .invalidEndpoint(let v, let value):
            return "\(v)=\(value) is not a valid http(s) URL"
        }
    }
}
