import TestSupport
import XCTest

final class ExplainCLITests: XCTestCase {
    func explain(_ words: String...) throws -> CommandRunner.Result {
        try CommandRunner.run(try CommandRunner.ecsrole, ["explain"] + words)
    }

    func testActionWithExecutionRoleContext() throws {
        let r = try explain("logs:putlogevents")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("logs:PutLogEvents"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Access level: Write"))
        XCTAssertTrue(r.stdout.contains("log-stream"))
        XCTAssertTrue(r.stdout.contains("Why the agent needs it"))
        XCTAssertTrue(r.stdout.contains("If the role's credentials leak"))
    }

    func testTokenActionHasNoResourceLevelPermissions() throws {
        let r = try explain("ecr:GetAuthorizationToken")
        XCTAssertTrue(r.stdout.contains("no resource-level permissions"), r.stdout)
    }

    func testWildcardExpansion() throws {
        let r = try explain("ecr:Get*")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("ecr:GetAuthorizationToken"))
        XCTAssertTrue(r.stdout.contains("expands to"))
    }

    func testTermAndUnknownWithSuggestion() throws {
        XCTAssertTrue(try explain("execution", "role").stdout.contains("BEFORE your app starts"))
        let r = try explain("ecr:BatchGetImages")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("did you mean: ecr:BatchGetImage"), r.stderr)
    }
}
