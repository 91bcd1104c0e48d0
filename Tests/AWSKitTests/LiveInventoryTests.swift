@testable import AWSKit
import ExecRoleKit
import Foundation
import TestSupport
import XCTest

/// The inventory, role and task-definition readers against a real moto_server with signature
/// checking on and IAM policies enforced. No mocks of our code.
final class LiveInventoryTests: MotoTestCase {
    /// A client the way the CLI builds one: from environment variables, pointed at moto.
    func client(user: String, secret: String? = nil, extra: [String: String] = [:]) async throws -> AWSClient {
        let m = try moto
        let u = m.user(user)
        var vars = ["AWS_ACCESS_KEY_ID": u.id, "AWS_SECRET_ACCESS_KEY": secret ?? u.secret,
                    "AWS_ENDPOINT_URL": m.endpoint, "AWS_REGION": "us-east-1", "HOME": "/nonexistent"]
        vars.merge(extra) { _, e in e }
        return try await AWSClient.resolve(environment: AWSEnvironment(variables: vars),
                                           retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.05, timeout: 15))
    }

    func testInventoryHasEverySeededResource() async throws {
        let m = try moto
        let inv = try await InventoryLoader(client: client(user: "lister")).load()
        XCTAssertEqual(inv.source, "live")
        XCTAssertEqual(inv.account, "123456789012")
        XCTAssertEqual(inv.region, "us-east-1")
        XCTAssertEqual(inv.partition, "aws")
        XCTAssertNotNil(inv.generatedAt.flatMap { ISO8601DateFormatter().date(from: $0) })
        XCTAssertEqual(inv.errors, [])

        let keys = m.seed["keys"] as! [String: [String: String]]
        let appKey = keys["app"]!, logsKey = keys["logs"]!

        XCTAssertEqual(inv.repositories.map(\.name), m.seed["repositories"] as? [String])
        let web = try XCTUnwrap(inv.repositories.first { $0.name == "web" })
        XCTAssertEqual(web.arn, "arn:aws:ecr:us-east-1:123456789012:repository/web")
        XCTAssertEqual(web.uri, "123456789012.dkr.ecr.us-east-1.amazonaws.com/web")
        XCTAssertEqual(web.encryptionType, "KMS")
        XCTAssertEqual(web.kmsKey, appKey["arn"])
        XCTAssertEqual(inv.repositories.first { $0.name == "api" }?.encryptionType, "AES256")

        XCTAssertEqual(inv.logGroups.map(\.name), m.seed["logGroups"] as? [String])
        let webLogs = try XCTUnwrap(inv.logGroups.first { $0.name == "/ecs/web" })
        XCTAssertEqual(webLogs.arn, "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web")
        XCTAssertEqual(webLogs.kmsKeyId, logsKey["arn"])
        XCTAssertNil(inv.logGroups.first { $0.name == "/ecs/svc-0" }?.kmsKeyId)

        let seededSecrets = m.seed["secrets"] as! [String: String]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: inv.secrets.map { ($0.name, $0.arn) }), seededSecrets)
        XCTAssertEqual(inv.secrets.first { $0.name == "prod/db" }?.kmsKeyId, appKey["arn"])
        XCTAssertNil(inv.secrets.first { $0.name == "prod/api-key-0" }?.kmsKeyId)

        XCTAssertEqual(inv.parameters.map(\.name), m.seed["parameters"] as? [String])
        let byName = Dictionary(uniqueKeysWithValues: inv.parameters.map { ($0.name, $0) })
        XCTAssertEqual(byName["/app/db/password"]?.type, "SecureString")
        XCTAssertEqual(byName["/app/db/password"]?.keyId, appKey["keyId"])
        XCTAssertEqual(byName["/app/list"]?.type, "StringList")
        // Leading slash dropped in the ARN, never `parameter//`.
        XCTAssertEqual(byName["/app/db/host"]?.arn, "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/host")
        XCTAssertEqual(byName["plain-name"]?.arn, "arn:aws:ssm:us-east-1:123456789012:parameter/plain-name")

        let app = try XCTUnwrap(inv.keys.first { $0.keyId == appKey["keyId"] })
        XCTAssertEqual(app.arn, appKey["arn"])
        XCTAssertEqual(app.aliases, ["alias/app-key", "alias/app-key-2"])
        XCTAssertEqual(app.manager, "CUSTOMER")
        XCTAssertEqual(app.description, "app key")
        XCTAssertEqual(inv.keys.first { $0.keyId == logsKey["keyId"] }?.aliases, ["alias/logs-key"])

        XCTAssertEqual(inv.roles.map(\.name), m.seed["roles"] as? [String])
        XCTAssertEqual(inv.roles.first?.arn, "arn:aws:iam::123456789012:role/app-exec-role")
        XCTAssertEqual(inv.taskDefinitionFamilies, m.seed["families"] as? [String])

        // The JSON round-trips through ExecRoleKit's model.
        let data = try JSONEncoder().encode(inv)
        XCTAssertEqual(try JSONDecoder().decode(Inventory.self, from: data), inv)
    }

    /// Page size 2 forces several pages where moto honours the limit (Logs, Secrets Manager, IAM);
    /// the recorder proves more than one request was made and the result is still complete.
    func testPaginationAcrossPages() async throws {
        let m = try moto
        try m.startRecording()
        let inv = try await InventoryLoader(client: client(user: "lister"), pageSize: 2).load()
        let calls = try m.stopRecording()
        XCTAssertEqual(inv.logGroups.count, 6)
        XCTAssertEqual(inv.secrets.count, 6)
        XCTAssertEqual(inv.roles.count, 5)
        XCTAssertEqual(inv.errors, [])
        XCTAssertGreaterThanOrEqual(calls.filter { $0.target == "Logs_20140328.DescribeLogGroups" }.count, 3)
        XCTAssertGreaterThanOrEqual(calls.filter { $0.target == "secretsmanager.ListSecrets" }.count, 3)
        XCTAssertGreaterThanOrEqual(calls.filter { $0.body.contains("Action=ListRoles") }.count, 3)
        XCTAssertTrue(calls.contains { $0.body.contains("\"NextToken\"") }, "a follow-up page carried NextToken")
        XCTAssertTrue(calls.contains { $0.body.contains("Marker=") }, "a follow-up IAM page carried Marker")
    }

    func testAccessDeniedServiceIsReportedWhileTheRestLoads() async throws {
        let inv = try await InventoryLoader(client: client(user: "nosecrets")).load()
        XCTAssertEqual(inv.errors.map(\.service), ["secretsmanager"])
        let message = try XCTUnwrap(inv.errors.first?.message)
        XCTAssertTrue(message.contains("access denied"), message)
        XCTAssertTrue(message.contains("secretsmanager:ListSecrets"), message)
        XCTAssertEqual(inv.secrets, [])
        XCTAssertEqual(inv.repositories.count, 3)
        XCTAssertEqual(inv.parameters.count, 5)
        XCTAssertEqual(inv.account, "123456789012")
    }

    func testWrongSecretKeyFailsClearlyWithoutPrintingIt() async throws {
        let m = try moto
        let u = m.user("lister")
        let dir = try TempDir()
        let wrong = "WRONGwrongWRONGwrongWRONGwrong0123456789"
        try dir.write("credentials", "[ci]\naws_access_key_id = \(u.id)\naws_secret_access_key = \(wrong)\n")
        let env = AWSEnvironment(variables: ["AWS_SHARED_CREDENTIALS_FILE": dir.path("credentials"), "AWS_PROFILE": "ci",
                                             "AWS_ENDPOINT_URL": m.endpoint, "AWS_REGION": "us-east-1"],
                                 homeDirectory: dir.url.path)
        let client = try await AWSClient.resolve(environment: env, retry: RetryPolicy(maxAttempts: 2, timeout: 15))
        do {
            _ = try await InventoryLoader(client: client).load()
            XCTFail("expected SignatureDoesNotMatch")
        } catch let e as AWSError {
            XCTAssertEqual(e.code, "SignatureDoesNotMatch")
            XCTAssertTrue(e.isCredentialError)
            let text = e.description
            XCTAssertTrue(text.contains("profile \"ci\""), text)
            XCTAssertTrue(text.contains(dir.path("credentials")), text)
            XCTAssertTrue(text.contains("rejected the credentials"), text)
            XCTAssertFalse(text.contains(wrong), text)
            XCTAssertFalse("\(e)".contains(wrong))
        }
    }

    func testRoleFetcherReturnsDecodedDocuments() async throws {
        let m = try moto
        let role = m.seed["role"] as! [String: Any]
        let docs = try await RoleFetcher(client: client(user: "lister")).fetch(role: "app-exec-role")
        XCTAssertEqual(docs.arn, "arn:aws:iam::123456789012:role/app-exec-role")
        func json(_ s: String) throws -> NSDictionary { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! NSDictionary }
        XCTAssertEqual(try json(docs.trustPolicy), role["trust"] as? NSDictionary)
        XCTAssertEqual(Array(docs.inlinePolicies.keys), ["secrets"])
        XCTAssertEqual(try json(docs.inlinePolicies["secrets"]!), (role["inline"] as! [String: Any])["secrets"] as? NSDictionary)
        let attached = role["attached"] as! [String: Any]
        XCTAssertEqual(Set(docs.attachedPolicies.keys), Set(attached.keys))
        for (arn, doc) in attached {
            // v2 (the default), not v1: it has the extra ECR statement.
            XCTAssertEqual(try json(docs.attachedPolicies[arn]!), doc as? NSDictionary)
        }
        // A role ARN works as well as a name.
        let byArn = try await RoleFetcher(client: client(user: "lister")).fetch(role: docs.arn)
        XCTAssertEqual(byArn, docs)
    }

    func testTaskDefinitionFetcherReturnsRawJSON() async throws {
        let fetcher = TaskDefinitionFetcher(client: try await client(user: "lister"))
        for ref in ["web", "web:1", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"] {
            let data = try await fetcher.fetch(ref)
            let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(obj["family"] as? String, "web", ref)
            XCTAssertEqual(obj["executionRoleArn"] as? String, "arn:aws:iam::123456789012:role/app-exec-role")
            let containers = try XCTUnwrap(obj["containerDefinitions"] as? [[String: Any]])
            XCTAssertEqual((containers.first?["secrets"] as? [Any])?.count, 2)
        }
        let latest = try JSONSerialization.jsonObject(with: try await fetcher.fetch("web")) as? [String: Any]
        XCTAssertEqual(latest?["revision"] as? Int, 2)
        do {
            _ = try await fetcher.fetch("no-such-family")
            XCTFail("expected an error")
        } catch let e as AWSError {
            XCTAssertEqual(e.service, "ecs")
            XCTAssertFalse(e.code.isEmpty)
        }
    }

    /// The structural promise, checked on the wire: a full inventory plus role and task-definition
    /// fetches never read a secret value, a decrypted parameter or decrypt with KMS.
    func testNoSecretReadingCallsOnTheWire() async throws {
        let m = try moto
        let c = try await client(user: "admin")
        try m.startRecording()
        _ = try await InventoryLoader(client: c).load()
        _ = try await RoleFetcher(client: c).fetch(role: "app-exec-role")
        _ = try await TaskDefinitionFetcher(client: c).fetch("web")
        let calls = try m.stopRecording()
        XCTAssertGreaterThan(calls.count, 15)
        let forbiddenTargets = ["secretsmanager.GetSecretValue", "secretsmanager.BatchGetSecretValue", "AmazonSSM.GetParameter",
                                "AmazonSSM.GetParameters", "AmazonSSM.GetParametersByPath", "AmazonSSM.GetParameterHistory",
                                "TrentService.Decrypt"]
        for call in calls {
            XCTAssertFalse(forbiddenTargets.contains(call.target), call.target)
            XCTAssertFalse(call.body.contains("WithDecryption"), call.body)
            XCTAssertFalse(call.body.contains("Action=Decrypt"), call.body)
        }
        // And the expected read calls did happen.
        let targets = Set(calls.map(\.target))
        for op in ["secretsmanager.ListSecrets", "AmazonSSM.DescribeParameters", "TrentService.DescribeKey",
                   "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"] {
            XCTAssertTrue(targets.contains(op), op)
        }
    }
}
