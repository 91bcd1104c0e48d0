import Foundation

/// A snapshot of what the AWS CLI would look at: environment variables and the shared files.
///
/// It is a value (not global state) so tests can pass their own variables and home directory.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    public var homeDirectory: String

    public init(variables: [String: String], homeDirectory: String? = nil) {
        self.variables = variables
        self.homeDirectory = homeDirectory ?? variables["HOME"] ?? NSHomeDirectory()
    }

    /// The running process's environment.
    public static func current() -> AWSEnvironment {
        AWSEnvironment(variables: ProcessInfo.processInfo.environment)
    }

    /// Non-empty value of a variable (empty counts as unset, as in the CLI).
    func value(_ name: String) -> String? {
        guard let v = variables[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    // MARK: - Files

    public var credentialsFilePath: String {
        expand(value("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
    }

    public var configFilePath: String {
        expand(value("AWS_CONFIG_FILE") ?? "~/.aws/config")
    }

    func expand(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + path.dropFirst(1) }
        return path
    }

    func credentialsFile() -> SharedConfigFile { SharedConfigFile(path: credentialsFilePath, isConfigFile: false) }
    func configFile() -> SharedConfigFile { SharedConfigFile(path: configFilePath, isConfigFile: true) }

    // MARK: - Profile and region

    /// The profile to use: the explicit one, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else `default`.
    public func profileName(explicit: String?) -> String {
        explicit ?? value("AWS_PROFILE") ?? value("AWS_DEFAULT_PROFILE") ?? "default"
    }

    /// Region precedence of the CLI: explicit, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`.
    public func region(explicit: String?, profile: String? = nil) throws -> String {
        if let r = explicit, !r.isEmpty { return r }
        if let r = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") { return r }
        let name = profileName(explicit: profile)
        if let r = configFile().profiles[name]?["region"], !r.isEmpty { return r }
        throw CredentialsError.noRegion(profile: name)
    }

    // MARK: - Endpoints

    /// The endpoint for a service: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the
    /// partition's default (`.amazonaws.com.cn` in China; IAM's single global endpoint per partition).
    public func endpoint(for service: AWSService, region: String) throws -> ServiceEndpoint {
        let partition = Partition(region: region)
        let signingRegion = service == .iam ? partition.iamEndpoint.signingRegion : region
        let ignore = value("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() == "true"
        if !ignore {
            for name in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
                guard let raw = value(name) else { continue }
                guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
                      scheme == "http" || scheme == "https", url.host != nil else {
                    throw CredentialsError.invalidEndpoint(variable: name, value: raw)
                }
                return ServiceEndpoint(url: url, signingRegion: signingRegion)
            }
        }
        let host = service == .iam
            ? partition.iamEndpoint.host
            : "\(service.hostPrefix).\(region).\(partition.dnsSuffix)"
        return ServiceEndpoint(url: URL(string: "https://\(host)")!, signingRegion: signingRegion)
    }

    // MARK: - Cheap check

    /// True when credentials are *probably* available without any network call: keys in the
    /// environment, or a profile with keys, `role_arn`, `credential_process`, SSO or web identity.
    /// The wizard uses it to decide whether to offer the live account or fall back to the demo one.
    public func hasCredentials(profile: String? = nil) -> Bool {
        if profile == nil, value("AWS_ACCESS_KEY_ID") != nil, value("AWS_SECRET_ACCESS_KEY") != nil { return true }
        if profile == nil, value("AWS_WEB_IDENTITY_TOKEN_FILE") != nil, value("AWS_ROLE_ARN") != nil { return true }
        let name = profileName(explicit: profile)
        var settings = configFile().profiles[name] ?? [:]
        settings.merge(credentialsFile().profiles[name] ?? [:]) { _, cred in cred }
        if settings["aws_access_key_id"] != nil && settings["aws_secret_access_key"] != nil { return true }
        return ["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file"]
            .contains { settings[$0] != nil }
    }

    /// `AWSEnvironment.current().hasCredentials(profile:)`.
    public static func hasCredentials(profile: String? = nil) -> Bool {
        current().hasCredentials(profile: profile)
    }
}
