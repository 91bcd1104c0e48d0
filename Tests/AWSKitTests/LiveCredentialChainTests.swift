@testable import AWSKit
import Foundation
import TestSupport
import XCTest

/// Credential sources that need an STS/AWS answer, against a real moto_server with auth on.
final class LiveCredentialChainTests: MotoTestCase {
    /// Writes profile files into a temp HOME and resolves a client for `profile` against moto.
    func client(home: TempDir, profile: String?, extra: [String: String] = [:]) async throws -> AWSClient {
        let m = try moto
        var vars = ["AWS_ENDPOINT_URL": m.endpoint, "HOME": home.url.path]
        vars.merge(extra) { _, e in e }
        return try await AWSClient.resolve(profile: profile, environment: AWSEnvironment(variables: vars, homeDirectory: home.url.path),
                                           retry: RetryPolicy(maxAttempts: 2, timeout: 15))
    }

    func writeProfiles(_ home: TempDir) throws {
        let m = try moto
        let lister = m.user("lister")
        try home.write(".aws/credentials", """
        [lister]
        aws_access_key_id = \(lister.id)
        aws_secret_access_key = \(lister.secret)
        """)
        try home.write(".aws/config", """
        [profile lister]
        region = us-east-1
        [profile assumer]
        role_arn = arn:aws:iam::123456789012:role/ecsrole-assumable
        source_profile = lister
        role_session_name = ecsrole-test
        external_id = ext-123
        region = us-east-1
        [profile untrusted]
        role_arn = arn:aws:iam::123456789012:role/app-exec-role
        source_profile = lister
        region = us-east-1
        """)
    }

    func testStaticProfileWorksAgainstMoto() async throws {
        let home = try TempDir()
        try writeProfiles(home)
        let c = try await client(home: home, profile: "lister")
        XCTAssertEqual(c.region, "us-east-1")
        let id = try await c.callerIdentity()
        XCTAssertEqual(id.arn, try moto.user("lister").arn)
        XCTAssertEqual(id.account, "123456789012")
    }

    func testSourceProfileAndRoleArnAssumeTheRole() async throws {
        let home = try TempDir()
        try writeProfiles(home)
        let c = try await client(home: home, profile: "assumer")
        XCTAssertNotNil(c.credentials.sessionToken)
        XCTAssertTrue(c.credentials.source.contains("role_arn arn:aws:iam::123456789012:role/ecsrole-assumable"), c.credentials.source)
        XCTAssertTrue(c.credentials.source.contains("profile \"lister\""), c.credentials.source)
        let id = try await c.callerIdentity()
        XCTAssertEqual(id.arn, "arn:aws:sts::123456789012:assumed-role/ecsrole-assumable/ecsrole-test")
        // The assumed role's own policy allows the listing calls.
        let inv = try await InventoryLoader(client: c).load()
        XCTAssertEqual(inv.errors, [])
        XCTAssertEqual(inv.repositories.count, 3)
    }

    /// moto does not evaluate the trust policy's sts:ExternalId condition, so the recorder proves the
    /// profile's `external_id` and `role_session_name` reach STS.
    func testExternalIdAndSessionNameAreSent() async throws {
        let m = try moto
        let home = try TempDir()
        try writeProfiles(home)
        try m.startRecording()
        _ = try await client(home: home, profile: "assumer")
        let calls = try m.stopRecording()
        let assume = try XCTUnwrap(calls.first { $0.body.contains("Action=AssumeRole") })
        XCTAssertTrue(assume.body.contains("ExternalId=ext-123"), assume.body)
        XCTAssertTrue(assume.body.contains("RoleSessionName=ecsrole-test"), assume.body)
        XCTAssertTrue(assume.body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fecsrole-assumable"), assume.body)
    }

    func testAssumeRoleRefusalNamesTheProfile() async throws {
        let home = try TempDir()
        try writeProfiles(home)
        do {
            _ = try await client(home: home, profile: "untrusted")
            XCTFail("expected AssumeRole to be refused")
        } catch let e as CredentialsError {
            let text = "\(e)"
            XCTAssertTrue(text.contains("\"untrusted\""), text)
            XCTAssertTrue(text.contains("app-exec-role"), text)
            XCTAssertFalse(text.contains(try moto.user("lister").secret), text)
        }
    }

    func testCredentialProcessAgainstMoto() async throws {
        let home = try TempDir()
        let lister = try moto.user("lister")
        let script = try home.write("creds.sh", """
        #!/bin/sh
        printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s"}' "\(lister.id)" "\(lister.secret)"
        """, executable: true)
        try home.write(".aws/config", "[profile proc]\ncredential_process = \(script)\nregion = us-east-1\n")
        let c = try await client(home: home, profile: "proc")
        let arn = try await c.callerIdentity().arn
        XCTAssertEqual(arn, lister.arn)
    }

    func testEnvironmentKeysAndPerServiceEndpoint() async throws {
        let m = try moto
        let home = try TempDir()
        let lister = m.user("lister")
        // The global endpoint points nowhere; only the per-service variables lead to moto, so a
        // successful call proves AWS_ENDPOINT_URL_<SERVICE> wins.
        let c = try await client(home: home, profile: nil, extra: [
            "AWS_ACCESS_KEY_ID": lister.id, "AWS_SECRET_ACCESS_KEY": lister.secret, "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_ENDPOINT_URL_SECRETS_MANAGER": m.endpoint, "AWS_ENDPOINT_URL_STS": m.endpoint,
        ])
        XCTAssertEqual(c.region, "us-east-1")
        let secrets = try await c.listSecrets()
        XCTAssertEqual(secrets.count, 6)
        let arn = try await c.callerIdentity().arn
        XCTAssertEqual(arn, lister.arn)
        do {
            _ = try await c.listRepositories()
            XCTFail("ECR should have gone to the dead global endpoint")
        } catch let e as AWSError {
            XCTAssertEqual(e.code, "Transport")
        }
    }
}
