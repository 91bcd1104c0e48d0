import Foundation

/// Resolves credentials the way the AWS CLI does, for the sources a developer laptop or CI has:
///
/// 1. `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` — unless a profile was
///    passed explicitly (`--profile`), which, as in the CLI, wins over the environment;
/// 2. the profile (explicit, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, `default`) from the credentials file
///    and the config file (`[profile x]`):
///    `role_arn` + `source_profile` (or `credential_source = Environment`) → STS AssumeRole,
///    static keys, then `credential_process`.
///
/// Not covered (the CLI's later links): SSO, web identity, container and instance metadata; those
/// profiles get a clear error naming them. Nothing here logs or returns a secret in a message.
public struct CredentialChain: Sendable {
    public let environment: AWSEnvironment
    public let transport: any HTTPTransport
    /// Bound for `credential_process`.
    public var processTimeout: TimeInterval = 30

    public init(environment: AWSEnvironment = .current(), transport: any HTTPTransport = SystemTransport()) {
        self.environment = environment; self.transport = transport
    }

    /// Resolves credentials; `region` is used for STS when a profile assumes a role.
    public func resolve(profile explicitProfile: String? = nil, region: String? = nil) async throws -> Credentials {
        let env = environment
        if explicitProfile == nil {
            let id = env.value("AWS_ACCESS_KEY_ID"), secret = env.value("AWS_SECRET_ACCESS_KEY")
            if let id, let secret {
                return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: env.value("AWS_SESSION_TOKEN"),
                                   source: "environment variables (AWS_ACCESS_KEY_ID)")
            }
            if (id == nil) != (secret == nil) {
                throw CredentialsError.invalidProfile("environment", reason: id == nil
                    ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"
                    : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
            }
        }
        let name = env.profileName(explicit: explicitProfile)
        let files = Files(credentials: env.credentialsFile(), config: env.configFile())
        guard files.has(name) else {
            if explicitProfile == nil && env.value("AWS_PROFILE") == nil && name == "default" {
                throw CredentialsError.notFound(profile: nil)
            }
            throw CredentialsError.profileNotFound(name, files: [files.credentials.path, files.config.path])
        }
        return try await resolveProfile(name, files: files, visited: [], region: region)
    }

    struct Files {
        let credentials: SharedConfigFile
        let config: SharedConfigFile

        func has(_ name: String) -> Bool { credentials.profiles[name] != nil || config.profiles[name] != nil }

        /// Config settings overlaid by the credentials file (the CLI gives the credentials file priority).
        func settings(_ name: String) -> [String: String] {
            var s = config.profiles[name] ?? [:]
            s.merge(credentials.profiles[name] ?? [:]) { _, c in c }
            return s
        }

        func file(holdingKeysOf name: String) -> String {
            credentials.profiles[name]?["aws_access_key_id"] != nil ? credentials.path : config.path
        }
    }

    private func resolveProfile(_ name: String, files: Files, visited: [String], region: String?) async throws -> Credentials {
        guard files.has(name) else {
            throw CredentialsError.profileNotFound(name, files: [files.credentials.path, files.config.path])
        }
        let s = files.settings(name)
        if let roleArn = s["role_arn"] {
            let base: Credentials
            if let source = s["source_profile"] {
                if source == name {
                    // A profile may name itself as source: its own static keys assume its own role_arn.
                    base = try staticKeys(name, s, files: files) ?? {
                        throw CredentialsError.invalidProfile(name, reason: "source_profile is itself but it has no keys")
                    }()
                } else if visited.contains(source) || source == name {
                    throw CredentialsError.sourceProfileCycle(visited + [name, source])
                } else {
                    base = try await resolveProfile(source, files: files, visited: visited + [name], region: region)
                }
            } else if let cs = s["credential_source"] {
                guard cs == "Environment", let id = environment.value("AWS_ACCESS_KEY_ID"),
                      let secret = environment.value("AWS_SECRET_ACCESS_KEY") else {
                    throw CredentialsError.invalidProfile(name, reason: "credential_source \(cs) is not supported (only Environment with AWS_ACCESS_KEY_ID set)")
                }
                base = Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: environment.value("AWS_SESSION_TOKEN"),
                                   source: "environment variables")
            } else {
                throw CredentialsError.invalidProfile(name, reason: "role_arn needs source_profile or credential_source")
            }
            let stsRegion = region ?? s["region"] ?? files.settings(visited.first ?? name)["region"] ?? environment.value("AWS_REGION")
                ?? environment.value("AWS_DEFAULT_REGION") ?? "us-east-1"
            return try await assumeRole(profile: name, roleArn: roleArn, settings: s, base: base, region: stsRegion)
        }
        if let keys = try staticKeys(name, s, files: files) { return keys }
        if let command = s["credential_process"] {
            return try await CredentialProcess(profile: name, command: command, timeout: processTimeout,
                                               environment: environment).run()
        }
        if s["sso_session"] != nil || s["sso_start_url"] != nil {
            throw CredentialsError.invalidProfile(name, reason: "SSO profiles are not supported; run `aws configure export-credentials --profile \(name) --format env` and use the exported variables")
        }
        if s["web_identity_token_file"] != nil {
            throw CredentialsError.invalidProfile(name, reason: "web_identity_token_file is not supported")
        }
        throw CredentialsError.invalidProfile(name, reason: "has no aws_access_key_id/aws_secret_access_key, role_arn or credential_process")
    }

    private func staticKeys(_ name: String, _ s: [String: String], files: Files) throws -> Credentials? {
        let id = s["aws_access_key_id"], secret = s["aws_secret_access_key"]
        if let id, let secret, !id.isEmpty, !secret.isEmpty {
            let file = files.file(holdingKeysOf: name)
            return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: s["aws_session_token"],
                               source: "profile \"\(name)\" (\(file))")
        }
        if (id == nil) != (secret == nil) {
            throw CredentialsError.invalidProfile(name, reason: id == nil
                ? "aws_secret_access_key is set but aws_access_key_id is not"
                : "aws_access_key_id is set but aws_secret_access_key is not")
        }
        return nil
    }

    private func assumeRole(profile: String, roleArn: String, settings s: [String: String], base: Credentials,
                            region: String) async throws -> Credentials {
        let client = AWSClient(credentials: base, region: region, environment: environment, transport: transport)
        var params = ["RoleArn": roleArn,
                      "RoleSessionName": s["role_session_name"] ?? "ecsrole-\(Int(Date().timeIntervalSince1970))"]
        if let ext = s["external_id"] { params["ExternalId"] = ext }
        if let d = s["duration_seconds"] { params["DurationSeconds"] = d }
        if let serial = s["mfa_serial"] {
            throw CredentialsError.invalidProfile(profile, reason: "mfa_serial \(serial) needs an MFA prompt, which ecsrole does not do")
        }
        let root: XMLNode
        do {
            root = try await client.query(.stsAssumeRole, params)
        } catch let e as AWSError {
            throw CredentialsError.assumeRoleFailed(profile: profile, roleArn: roleArn,
                                                    reason: "\(e.code): \(e.message) (base credentials from \(base.source))")
        }
        guard let c = root.first("Credentials"), let id = c.child("AccessKeyId")?.text,
              let secret = c.child("SecretAccessKey")?.text else {
            throw CredentialsError.assumeRoleFailed(profile: profile, roleArn: roleArn, reason: "STS answer had no credentials")
        }
        let expiration = c.child("Expiration").flatMap { ISO8601.parse($0.text) }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: c.child("SessionToken")?.text,
                           expiration: expiration,
                           source: "profile \"\(profile)\" (role_arn \(roleArn) via \(base.source))")
    }
}

/// ISO-8601 helpers shared by the chain and the loader.
enum ISO8601 {
    static func parse(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    static func string(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}

extension AWSClient {
    /// Resolves region (explicit, AWS_REGION, AWS_DEFAULT_REGION, profile) and credentials (the chain),
    /// and returns a client for them. No network unless the profile assumes a role.
    public static func resolve(profile: String? = nil, region: String? = nil,
                               environment: AWSEnvironment = .current(),
                               transport: any HTTPTransport = SystemTransport(),
                               retry: RetryPolicy = RetryPolicy()) async throws -> AWSClient {
        let r = try environment.region(explicit: region, profile: profile)
        let creds = try await CredentialChain(environment: environment, transport: transport).resolve(profile: profile, region: r)
        return AWSClient(credentials: creds, region: r, environment: environment, transport: transport, retry: retry)
    }
}
