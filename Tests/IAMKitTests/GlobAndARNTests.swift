import IAMKit
import XCTest

final class GlobAndARNTests: XCTestCase {
    func testGlobMatching() {
        XCTAssertTrue(Glob.matches("ecr:Get*", "ecr:GetAuthorizationToken"))
        XCTAssertFalse(Glob.matches("ecr:Get*", "ECR:getauthorizationtoken"))
        XCTAssertTrue(Glob.matches("ecr:Get*", "ECR:getauthorizationtoken", caseInsensitive: true))
        XCTAssertTrue(Glob.matches("arn:aws:secretsmanager:*:*:secret:db-??????", "arn:aws:secretsmanager:eu-west-1:1:secret:db-Ab12Cd"))
        XCTAssertFalse(Glob.matches("arn:aws:secretsmanager:*:*:secret:db-???????", "arn:aws:secretsmanager:eu-west-1:1:secret:db-Ab12Cd"))
        XCTAssertFalse(Glob.matches("arn:aws:logs:r:1:log-group:app", "arn:aws:logs:r:1:log-group:app:log-stream:x"))
        XCTAssertTrue(Glob.matches("arn:aws:logs:r:1:log-group:app:*", "arn:aws:logs:r:1:log-group:app:log-stream:x"))
        XCTAssertTrue(Glob.matches("*", ""))
        XCTAssertFalse(Glob.matches("?", ""))
        XCTAssertTrue(Glob.matches("a*b*c", "aXbYc"))
        // Adversarial pattern stays linear.
        XCTAssertFalse(Glob.matches(String(repeating: "a*", count: 200) + "b", String(repeating: "a", count: 5000)))
    }

    func testGlobCovers() {
        XCTAssertTrue(Glob.covers("*", "anything*"))
        XCTAssertTrue(Glob.covers("s3:*", "s3:Get*"))
        XCTAssertFalse(Glob.covers("s3:Get*", "s3:*"))
        XCTAssertTrue(Glob.covers("a?c", "abc"))
        XCTAssertFalse(Glob.covers("a?c", "a*c"))
        XCTAssertTrue(Glob.covers("arn:*:secret:db-*", "arn:aws:secretsmanager:r:1:secret:db-??????"))
    }

    func testARNParsing() throws {
        let a = try XCTUnwrap(ARN("arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:log-stream:x"))
        XCTAssertEqual(a.service, "logs")
        XCTAssertEqual(a.resource, "log-group:/ecs/web:log-stream:x")
        XCTAssertEqual(a.resourceType, "log-group")
        XCTAssertEqual(a.resourceName, "/ecs/web:log-stream:x")
        XCTAssertEqual(a.description, "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:log-stream:x")
        XCTAssertEqual(ARN("arn:aws:s3:::bucket/key")?.account, "")
        XCTAssertNil(ARN("not-an-arn"))
        XCTAssertNil(ARN("arn:aws:s3"))
    }

    func testPartitions() {
        XCTAssertEqual(Partition.forRegion("cn-northwest-1"), .awsCN)
        XCTAssertEqual(Partition.forRegion("us-gov-west-1"), .awsUSGov)
        XCTAssertEqual(Partition.forRegion("eu-west-1"), .aws)
        XCTAssertEqual(Partition.awsCN.dnsSuffix, "amazonaws.com.cn")
        XCTAssertTrue(Partition.isRegionName("us-gov-west-1"))
        XCTAssertFalse(Partition.isRegionName("region"))
        XCTAssertTrue(AccountID.isValid("012345678901"))
        XCTAssertFalse(AccountID.isValid("11111111111"))
    }
}
