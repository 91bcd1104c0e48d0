import XCTest
@testable import IAMKit

final class CatalogResourceMatchTests: XCTestCase {
    let catalog = ActionCatalog.shared

    private func names(_ action: String, _ arn: String) throws -> [String] {
        try catalog.resourceTypes(of: XCTUnwrap(catalog.action(action)), matching: arn).map(\.name)
    }

    func testLogStreamNeedsStreamPart() throws {
        XCTAssertEqual(try names("logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:app"), [])
        XCTAssertEqual(try names("logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:app:*"), ["log-stream"])
        XCTAssertEqual(try names("logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:app:log-stream:*"), ["log-stream"])
        XCTAssertEqual(try names("logs:CreateLogStream", "arn:aws:logs:us-east-1:1:log-group:/ecs/app:log-stream:ecs/web/abc"), ["log-stream"])
        XCTAssertEqual(try names("logs:PutLogEvents", "*"), ["log-stream"])
    }

    func testSSMParameterPaths() throws {
        XCTAssertEqual(try names("ssm:GetParameters", "arn:aws:ssm:r:1:parameter/app/db"), ["parameter"])
        XCTAssertEqual(try names("ssm:GetParameters", "arn:aws:ssm:r:1:parameter/app/*"), ["parameter"])
        XCTAssertEqual(try names("ssm:GetParameters", "arn:aws:ssm:r:1:parameter:app"), [])
    }

    func testS3ObjectVersusBucket() throws {
        XCTAssertEqual(try names("s3:GetObject", "arn:aws:s3:::bucket"), [])
        XCTAssertEqual(try names("s3:GetObject", "arn:aws:s3:::bucket/*"), ["object"])
        XCTAssertEqual(try names("s3:GetBucketLocation", "arn:aws:s3:::bucket"), ["bucket"])
        XCTAssertEqual(try names("s3:GetBucketLocation", "arn:aws:s3:::bucket/*"), [])
        XCTAssertEqual(try names("s3:GetObject", "arn:aws:s3:::${aws:username}/*"), ["object"])
    }

    func testECRAndOtherServices() throws {
        XCTAssertEqual(try names("ecr:BatchGetImage", "arn:aws:ecr:eu-west-1:123456789012:repository/team/app"), ["repository"])
        XCTAssertEqual(try names("ecr:BatchGetImage", "arn:aws:ecr:*:*:repository/*"), ["repository"])
        XCTAssertEqual(try names("ecr:BatchGetImage", "arn:aws:s3:::bucket/*"), [])
        XCTAssertEqual(try names("kms:Decrypt", "arn:aws:kms:r:1:key/1234"), ["key"])
        XCTAssertEqual(try names("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:r:1:secret:db-??????"), ["Secret"])
        // An action without resource types never matches a specific ARN.
        XCTAssertEqual(try names("ecr:GetAuthorizationToken", "arn:aws:ecr:r:1:repository/x"), [])
    }

    func testPatternOverlap() {
        XCTAssertTrue(PatternOverlap.overlaps("a*", "*b"))
        XCTAssertTrue(PatternOverlap.overlaps("a*c", "ab*"))
        XCTAssertFalse(PatternOverlap.overlaps("a*c", "b*"))
        XCTAssertFalse(PatternOverlap.overlaps("a?", "abc"))
        XCTAssertTrue(PatternOverlap.overlaps("a??", "*c"))
        XCTAssertFalse(PatternOverlap.overlaps("a*x*b", "a*y"))
        XCTAssertTrue(PatternOverlap.overlaps("*", ""))
        XCTAssertFalse(PatternOverlap.overlaps("?", ""))
        XCTAssertTrue(PatternOverlap.overlaps("x*y*z", "*y*"))
        XCTAssertFalse(PatternOverlap.overlaps("log-group:app", "log-group:?*:log-stream:?*"))
        // Format variables are non-empty: `bucket/` has no object name.
        XCTAssertFalse(PatternOverlap.resourceCouldMatch(policyPattern: "arn:aws:s3:::bucket/", arnFormat: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"))
        // Escaped policy characters are literal.
        XCTAssertFalse(PatternOverlap.resourceCouldMatch(policyPattern: "arn:aws:s3:::b/${*}", arnFormat: "arn:${Partition}:s3:::${BucketName}/x"))
        XCTAssertTrue(PatternOverlap.resourceCouldMatch(policyPattern: "arn:aws:s3:::b/${*}", arnFormat: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"))
    }

    /// Brute-force cross-check of the DP against Glob on all short strings over a tiny alphabet.
    func testOverlapAgreesWithBruteForce() {
        let patterns = ["", "a", "b", "*", "?", "a*", "*a", "a?b", "*b*", "??", "a*b", "b*a", "?*?", "ab", "*ab*"]
        var texts = [""]
        for _ in 0..<4 { texts += texts.flatMap { [$0 + "a", $0 + "b"] } }
        let uniqueTexts = Set(texts)
        for p in patterns {
            for q in patterns {
                let brute = uniqueTexts.contains { Glob.matches(p, $0) && Glob.matches(q, $0) }
                XCTAssertEqual(PatternOverlap.overlaps(p, q), brute, "\(p) vs \(q)")
            }
        }
    }
}
