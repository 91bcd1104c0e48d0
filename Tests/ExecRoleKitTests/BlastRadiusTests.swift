import ExecRoleKit
import IAMKit
import XCTest

/// Blast radius: wildcard expansion by access level, high-risk first, and concrete inventory reach.
final class BlastRadiusTests: XCTestCase {
    func named(_ text: String) throws -> NamedPolicy { NamedPolicy(name: "p", policy: try PolicyParser.parse(text).0) }

    static let inventory = Inventory(
        source: "file", account: "111122223333", region: "eu-west-1",
        repositories: [.init(name: "orders-api", arn: "arn:aws:ecr:eu-west-1:111122223333:repository/orders-api", uri: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders-api")],
        logGroups: [.init(name: "/ecs/orders-api", arn: "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/orders-api:*")],
        secrets: [.init(name: "orders/db", arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-Xy12Zq"),
                  .init(name: "orders/api", arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/api-Ab34Cd"),
                  .init(name: "billing/db", arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:billing/db-Ef56Gh")],
        parameters: [.init(name: "/orders/url", arn: "arn:aws:ssm:eu-west-1:111122223333:parameter/orders/url", type: "String")],
        keys: [.init(keyId: "k1", arn: "arn:aws:kms:eu-west-1:111122223333:key/k1", aliases: ["alias/orders"])])

    func testWildcardsExpandAndRiskyComeFirst() throws {
        let p = try named(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:Get*","iam:PassRole","logs:PutLogEvents"],"Resource":"*"}]}"#)
        let br = BlastRadius.analyze(identity: [p])
        let names = br.grants.map(\.action.fullName)
        XCTAssertTrue(names.contains("ecr:GetAuthorizationToken") && names.contains("ecr:GetDownloadUrlForLayer"))
        XCTAssertEqual(br.grants.first?.isHighRisk, true)
        XCTAssertTrue(br.grants.first { $0.action.fullName == "iam:PassRole" }?.risks[.privilegeEscalation] != nil)
        // Risky before non-risky, whatever the level.
        let firstSafe = br.grants.firstIndex { !$0.isHighRisk } ?? br.grants.count
        XCTAssertTrue(br.grants[firstSafe...].allSatisfy { !$0.isHighRisk })
        XCTAssertTrue(br.grants(at: .write).contains { $0.action.fullName == "logs:PutLogEvents" })
    }

    func testUnconditionalDenyRemovesAndUnknownIsReported() throws {
        let p = try named(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","ecr:GetAuthorisationToken"],"Resource":"*"},{"Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}"#)
        let br = BlastRadius.analyze(identity: [p])
        XCTAssertFalse(br.grants.contains { $0.action.fullName.hasPrefix("s3:Delete") })
        XCTAssertGreaterThan(br.deniedCount, 0)
        XCTAssertEqual(br.unknownPatterns, ["ecr:GetAuthorisationToken"])
    }

    func testInventoryReachIsConcrete() throws {
        let p = try named(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/*"},{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/orders-api:*"},{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#)
        let br = BlastRadius.analyze(identity: [p], inventory: Self.inventory)
        let texts = br.reach.map(\.text)
        XCTAssertTrue(texts.contains("read 2 secrets: orders/db, orders/api"), "\(texts)")
        XCTAssertTrue(texts.contains("write logs to 1 log group: /ecs/orders-api"), "\(texts)")
        XCTAssertTrue(texts.contains("schedule deletion of 1 KMS key: alias/orders"), "\(texts)")
        XCTAssertEqual(br.reach.first?.action, "kms:ScheduleKeyDeletion", "destructive reach comes first")
        XCTAssertFalse(texts.contains { $0.contains("billing/db") })
    }

    func testNotActionExpandsToEverythingElse() throws {
        let p = try named(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#)
        let br = BlastRadius.analyze(identity: [p])
        XCTAssertGreaterThan(br.grants.count, 10_000)
        XCTAssertFalse(br.grants.contains { $0.action.service == "iam" })
    }
}
