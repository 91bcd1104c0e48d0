@testable import AWSKit
import Foundation
import TestSupport
import XCTest

/// Retries and error mapping on the real wire. Throttling cannot be provoked in moto, so a wrapper
/// transport replaces the first N answers with a throttling/5xx answer and passes the rest to moto.
final class LiveRetryTests: MotoTestCase {
    /// Counts attempts; answers the first `failures` with `status`/`body` instead of sending them.
    final class FaultyTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var _attempts = 0
        let failures: Int, status: Int, body: String
        let real = SystemTransport()
        init(failures: Int, status: Int, body: String) { self.failures = failures; self.status = status; self.body = body }
        var attempts: Int { lock.withLock { _attempts } }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let n = lock.withLock { _attempts += 1; return _attempts }
            if n <= failures { return HTTPResponse(status: status, headers: [:], body: Data(body.utf8)) }
            return try await real.send(request)
        }
    }

    /// Answers AccessDeniedException to DescribeKey for one key id; everything else goes to moto.
    struct KeyPolicyDenies: HTTPTransport {
        let keyId: String
        let real = SystemTransport()
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let target = request.headers.first { $0.name.lowercased() == "x-amz-target" }?.value
            if target == "TrentService.DescribeKey", String(decoding: request.body, as: UTF8.self).contains(keyId) {
                return HTTPResponse(status: 400, headers: [:], body: Data(#"{"__type":"AccessDeniedException","message":"key policy denies kms:DescribeKey"}"#.utf8))
            }
            return try await real.send(request)
        }
    }

    /// A key policy may deny DescribeKey on one key: the other keys keep their details, that key stays
    /// listed (manager guessed), and `errors` says so.
    func testOneUndescribableKeyDoesNotHideTheOthers() async throws {
        let m = try moto
        let keys = m.seed["keys"] as! [String: [String: String]]
        let denied = keys["app"]!["keyId"]!, other = keys["logs"]!["keyId"]!
        let inv = try await InventoryLoader(client: client(KeyPolicyDenies(keyId: denied))).load()
        let byId = Dictionary(uniqueKeysWithValues: inv.keys.map { ($0.keyId, $0) })
        XCTAssertEqual(byId[denied]?.manager, "CUSTOMER")
        XCTAssertEqual(byId[denied]?.aliases, ["alias/app-key", "alias/app-key-2"])
        XCTAssertNil(byId[denied]?.description)
        XCTAssertEqual(byId[other]?.description, "logs key")
        XCTAssertEqual(inv.errors.map(\.service), ["kms"])
        XCTAssertTrue(inv.errors.first?.message.contains("DescribeKey failed for 1 key(s)") == true, inv.errors.first?.message ?? "")
    }

    func client(_ transport: any HTTPTransport, user: String = "lister", endpoint: String? = nil, attempts: Int = 4) throws -> AWSClient {
        let m = try moto
        let u = m.user(user)
        return AWSClient(credentials: Credentials(accessKeyId: u.id, secretAccessKey: u.secret, source: "test"),
                         region: "us-east-1",
                         environment: AWSEnvironment(variables: ["AWS_ENDPOINT_URL": endpoint ?? m.endpoint], homeDirectory: "/nonexistent"),
                         transport: transport, retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.05, timeout: 10))
    }

    func testThrottlingIsRetriedThenSucceeds() async throws {
        for body in [#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#,
                     #"{"__type":"com.amazonaws.secretsmanager#TooManyRequestsException","message":"slow down"}"#] {
            let t = FaultyTransport(failures: 2, status: 400, body: body)
            let secrets = try await client(t).listSecrets()
            XCTAssertEqual(secrets.count, 6)
            XCTAssertEqual(t.attempts, 3)
        }
        // Query protocol: `<Code>Throttling</Code>` in XML.
        let xml = "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>"
        let t = FaultyTransport(failures: 1, status: 400, body: xml)
        let roles = try await client(t).listRoles()
        XCTAssertEqual(roles.count, 5)
        XCTAssertEqual(t.attempts, 2)
    }

    func testServerErrorsStopAfterMaxAttempts() async throws {
        let t = FaultyTransport(failures: 100, status: 503, body: "")
        do {
            _ = try await client(t, attempts: 3).listRepositories()
            XCTFail("expected failure")
        } catch let e as AWSError {
            XCTAssertEqual(e.httpStatus, 503)
            XCTAssertEqual(e.service, "ecr")
            XCTAssertEqual(e.operation, "DescribeRepositories")
            XCTAssertEqual(t.attempts, 3)
        }
    }

    func testAccessDeniedIsNotRetried() async throws {
        let t = FaultyTransport(failures: 0, status: 0, body: "")
        do {
            _ = try await client(t, user: "nosecrets").listSecrets()
            XCTFail("expected AccessDenied")
        } catch let e as AWSError {
            XCTAssertTrue(e.isAccessDenied, e.code)
            XCTAssertEqual(e.httpStatus, 403)
            XCTAssertEqual(t.attempts, 1)
        }
    }

    func testUnreachableEndpointIsATransportErrorAfterRetries() async throws {
        let t = FaultyTransport(failures: 0, status: 0, body: "")
        let start = Date()
        do {
            _ = try await client(t, endpoint: "http://127.0.0.1:9", attempts: 2).listKeys()
            XCTFail("expected a transport error")
        } catch let e as AWSError {
            XCTAssertEqual(e.code, "Transport")
            XCTAssertTrue(e.description.contains("could not reach AWS"), e.description)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 25)
    }

    /// Regression: cancelling an in-flight request (here the `async let` ListAliases page when
    /// ListKeys fails on a bad signature) once deadlocked inside FoundationNetworking's async
    /// URLSession API (seen in 2 of 9 full runs). Many rounds must finish within the bound.
    func testCancellingInFlightRequestsDoesNotHang() async throws {
        let m = try moto
        let u = m.user("lister")
        let c = AWSClient(credentials: Credentials(accessKeyId: u.id, secretAccessKey: "wrong", source: "test"), region: "us-east-1",
                          environment: AWSEnvironment(variables: ["AWS_ENDPOINT_URL": m.endpoint], homeDirectory: "/nonexistent"),
                          retry: RetryPolicy(maxAttempts: 1, timeout: 10))
        let done = expectation(description: "all rounds finished")
        Task {
            for _ in 0..<200 {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<4 { group.addTask { _ = try? await c.listKeys() } }
                }
            }
            done.fulfill()
        }
        await fulfillment(of: [done], timeout: 90)
    }

    func testErrorBodiesAreParsed() {
        func parse(_ status: Int, _ body: String, headers: [String: String] = [:]) -> AWSError {
            AWSClient.parseError(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)), op: .kmsDescribeKey, credentialSource: "profile \"x\"")
        }
        let json = parse(400, #"{"__type":"com.amazonaws.kms#NotFoundException","message":"Key not found"}"#)
        XCTAssertEqual(json.code, "NotFoundException")
        XCTAssertEqual(json.message, "Key not found")
        XCTAssertEqual(json.description, "kms:DescribeKey: NotFoundException (HTTP 400): Key not found")
        let xml = parse(403, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>bad token</Message></Error></ErrorResponse>")
        XCTAssertEqual(xml.code, "InvalidClientTokenId")
        XCTAssertTrue(xml.description.contains("rejected the credentials (credentials from profile \"x\")"), xml.description)
        XCTAssertEqual(parse(400, "", headers: ["x-amzn-errortype": "ValidationException:http://internal"]).code, "ValidationException")
        XCTAssertEqual(parse(403, "").code, "AccessDenied")
        XCTAssertTrue(parse(429, "").isThrottling)
        XCTAssertTrue(parse(502, "<html>").isRetryable)
    }
}
