@testable import AWSKit
import Foundation
import Testing

/// The credential chain, region and endpoint rules without any network: temp HOME and files only.
@Suite struct CredentialChainTests {
    let secret = "SeCrEtSeCrEtSeCrEtSeCrEt0123456789abcdef"

    func resolve(_ vars: [String: String], home: TempDir, profile: String? = nil) async throws -> Credentials {
        try await CredentialChain(environment: AWSEnvironment(variables: vars, homeDirectory: home.url.path)).resolve(profile: profile)
    }

    @Test func environmentVariables() async throws {
        let home = try TempDir()
        let c = try await resolve(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": "tok"], home: home)
        #expect(c.accessKeyId == "AKIAENV")
        #expect(c.secretAccessKey == secret)
        #expect(c.sessionToken == "tok")
        #expect(c.source.contains("environment"))
    }

    @Test func homeFilesAndProfileSelection() async throws {
        let home = try TempDir()
        try home.write(".aws/credentials", """
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = \(secret)
        # a comment
        [dev]
        aws_access_key_id=AKIADEV
        aws_secret_access_key=\(secret)
        aws_session_token = devtoken
        """)
        try home.write(".aws/config", """
        [profile cfgonly]
        aws_access_key_id = AKIACFG
        aws_secret_access_key = \(secret)
        region = eu-west-1
        [profile dev]
        aws_access_key_id = AKIAOVERRIDDEN
        region = eu-central-1
        """)
        #expect(try await resolve([:], home: home).accessKeyId == "AKIADEFAULT")
        let dev = try await resolve(["AWS_PROFILE": "dev"], home: home)
        #expect(dev.accessKeyId == "AKIADEV")   // credentials file wins over config
        #expect(dev.sessionToken == "devtoken")
        #expect(dev.source == "profile \"dev\" (\(home.path(".aws/credentials")))")
        #expect(try await resolve([:], home: home, profile: "cfgonly").accessKeyId == "AKIACFG")
        // AWS_PROFILE does not beat environment keys; an explicit --profile does (as in the CLI).
        let env = ["AWS_PROFILE": "dev", "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": secret]
        #expect(try await resolve(env, home: home).accessKeyId == "AKIAENV")
        #expect(try await resolve(env, home: home, profile: "dev").accessKeyId == "AKIADEV")
        // Region from the profile, after explicit / AWS_REGION / AWS_DEFAULT_REGION.
        let e = AWSEnvironment(variables: ["AWS_PROFILE": "dev"], homeDirectory: home.url.path)
        #expect(try e.region(explicit: nil) == "eu-central-1")
        #expect(try e.region(explicit: nil, profile: "cfgonly") == "eu-west-1")
        #expect(try e.region(explicit: "ap-south-1") == "ap-south-1")
        let e2 = AWSEnvironment(variables: ["AWS_PROFILE": "dev", "AWS_DEFAULT_REGION": "us-west-1"], homeDirectory: home.url.path)
        #expect(try e2.region(explicit: nil) == "us-west-1")
        let e3 = AWSEnvironment(variables: ["AWS_DEFAULT_REGION": "us-west-1", "AWS_REGION": "us-west-2"], homeDirectory: home.url.path)
        #expect(try e3.region(explicit: nil) == "us-west-2")
        #expect(try e3.region(explicit: "eu-north-1") == "eu-north-1")
        #expect(throws: CredentialsError.noRegion(profile: "default")) { try AWSEnvironment(variables: [:], homeDirectory: home.url.path).region(explicit: nil) }
    }

    @Test func fileLocationVariables() async throws {
        let home = try TempDir(), other = try TempDir()
        let credPath = try other.write("creds.ini", "[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = \(secret)\n")
        let cfgPath = try other.write("config.ini", "[profile ci]\nregion = sa-east-1\n")
        let vars = ["AWS_SHARED_CREDENTIALS_FILE": credPath, "AWS_CONFIG_FILE": cfgPath, "AWS_PROFILE": "ci"]
        let c = try await resolve(vars, home: home)
        #expect(c.accessKeyId == "AKIACI")
        #expect(c.source.contains(credPath))
        #expect(try AWSEnvironment(variables: vars, homeDirectory: home.url.path).region(explicit: nil) == "sa-east-1")
    }

    @Test func errorsNameTheProfileButNeverTheSecret() async throws {
        let home = try TempDir()
        try home.write(".aws/credentials", "[half]\naws_secret_access_key = \(secret)\n[empty]\nregion = x\n")
        do { _ = try await resolve([:], home: home, profile: "nope"); Issue.record("expected an error") } catch let e as CredentialsError {
            #expect("\(e)".contains("\"nope\""))
            #expect("\(e)".contains(home.path(".aws/credentials")))
        }
        do { _ = try await resolve([:], home: home, profile: "half"); Issue.record("expected an error") } catch let e as CredentialsError {
            #expect("\(e)".contains("\"half\""))
            #expect(!"\(e)".contains(secret))
        }
        do { _ = try await resolve(["AWS_SECRET_ACCESS_KEY": secret], home: home); Issue.record("expected an error") } catch let e as CredentialsError {
            #expect("\(e)".contains("AWS_ACCESS_KEY_ID"))
            #expect(!"\(e)".contains(secret))
        }
        let empty = try TempDir()
        await #expect(throws: CredentialsError.notFound(profile: nil)) { try await resolve([:], home: empty) }
    }

    @Test func sourceProfileCycleIsReported() async throws {
        let home = try TempDir()
        try home.write(".aws/config", """
        [profile a]
        role_arn = arn:aws:iam::123456789012:role/a
        source_profile = b
        [profile b]
        role_arn = arn:aws:iam::123456789012:role/b
        source_profile = a
        """)
        await #expect(throws: CredentialsError.sourceProfileCycle(["a", "b", "a"])) { try await resolve([:], home: home, profile: "a") }
    }

    @Test func credentialProcess() async throws {
        let home = try TempDir()
        let ok = try home.write("ok.sh", """
        #!/bin/sh
        echo '{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "\(secret)", "SessionToken": "proctoken", "Expiration": "2999-01-01T00:00:00Z"}'
        """, executable: true)
        let fails = try home.write("fails.sh", "#!/bin/sh\necho '\(secret)'\nexit 3\n", executable: true)
        let v2 = try home.write("v2.sh", "#!/bin/sh\necho '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"\(secret)\"}'\n", executable: true)
        try home.write(".aws/config", """
        [profile proc]
        credential_process = "\(ok)" --ignored-arg
        [profile procfail]
        credential_process = \(fails)
        [profile procv2]
        credential_process = \(v2)
        """)
        let c = try await resolve([:], home: home, profile: "proc")
        #expect(c.accessKeyId == "AKIAPROC")
        #expect(c.sessionToken == "proctoken")
        #expect(c.expiration != nil)
        #expect(c.source == "profile \"proc\" (credential_process)")
        for (profile, fragment) in [("procfail", "exited with status 3"), ("procv2", "Version 2")] {
            do { _ = try await resolve([:], home: home, profile: profile); Issue.record("expected an error") } catch let e as CredentialsError {
                #expect("\(e)".contains("\"\(profile)\""))
                #expect("\(e)".contains(fragment), "\(e)")
                #expect(!"\(e)".contains(secret))
            }
        }
    }

    @Test func endpointsFromEnvironmentAndPartitions() throws {
        let env = AWSEnvironment(variables: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1111",
                                             "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://127.0.0.1:2222",
                                             "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://127.0.0.1:3333"], homeDirectory: "/nonexistent")
        #expect(try env.endpoint(for: .secretsManager, region: "us-east-1").url.absoluteString == "http://127.0.0.1:2222")
        #expect(try env.endpoint(for: .logs, region: "us-east-1").url.absoluteString == "http://127.0.0.1:3333")
        #expect(try env.endpoint(for: .ecr, region: "us-east-1").url.absoluteString == "http://127.0.0.1:1111")
        #expect(AWSService.secretsManager.endpointVariable == "AWS_ENDPOINT_URL_SECRETS_MANAGER")
        #expect(AWSService.logs.endpointVariable == "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")

        let plain = AWSEnvironment(variables: [:], homeDirectory: "/nonexistent")
        #expect(try plain.endpoint(for: .ecr, region: "eu-west-1").url.absoluteString == "https://api.ecr.eu-west-1.amazonaws.com")
        #expect(try plain.endpoint(for: .ecr, region: "cn-north-1").url.absoluteString == "https://api.ecr.cn-north-1.amazonaws.com.cn")
        #expect(try plain.endpoint(for: .secretsManager, region: "us-gov-west-1").url.absoluteString == "https://secretsmanager.us-gov-west-1.amazonaws.com")
        let iamCN = try plain.endpoint(for: .iam, region: "cn-northwest-1")
        #expect(iamCN.url.absoluteString == "https://iam.cn-north-1.amazonaws.com.cn")
        #expect(iamCN.signingRegion == "cn-north-1")
        #expect(try plain.endpoint(for: .iam, region: "eu-west-1").url.absoluteString == "https://iam.amazonaws.com")
        #expect(try plain.endpoint(for: .iam, region: "us-gov-east-1").signingRegion == "us-gov-west-1")
        #expect(try plain.endpoint(for: .sts, region: "ap-southeast-2").url.absoluteString == "https://sts.ap-southeast-2.amazonaws.com")

        let bad = AWSEnvironment(variables: ["AWS_ENDPOINT_URL_ECR": "not a url"], homeDirectory: "/nonexistent")
        #expect(throws: CredentialsError.invalidEndpoint(variable: "AWS_ENDPOINT_URL_ECR", value: "not a url")) {
            try bad.endpoint(for: .ecr, region: "us-east-1")
        }
    }

    @Test func hasCredentialsIsACheapCheck() throws {
        let home = try TempDir()
        #expect(!AWSEnvironment(variables: [:], homeDirectory: home.url.path).hasCredentials())
        #expect(AWSEnvironment(variables: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "B"], homeDirectory: home.url.path).hasCredentials())
        try home.write(".aws/config", "[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n[profile p]\ncredential_process = /bin/true\n")
        let e = AWSEnvironment(variables: [:], homeDirectory: home.url.path)
        #expect(e.hasCredentials(profile: "r"))
        #expect(e.hasCredentials(profile: "p"))
        #expect(!e.hasCredentials(profile: "missing"))
        #expect(!e.hasCredentials())
        // The static form reads the real process environment; it must simply not crash or hit the network.
        _ = AWSEnvironment.hasCredentials()
    }
}
