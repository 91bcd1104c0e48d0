import XCTest
@testable import IAMKit

final class CatalogSuggestionTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testActionTypos() {
        XCTAssertEqual(catalog.suggestions(for: "ecr:BatchGetImages").first, "ecr:BatchGetImage")
        XCTAssertEqual(catalog.suggestions(for: "ssm:GetParamters").first, "ssm:GetParameters")
        XCTAssertEqual(catalog.suggestions(for: "logs:putlogevent").first, "logs:PutLogEvents")
        XCTAssertTrue(catalog.suggestions(for: "ecr:CompletelyDifferentThing").isEmpty)
    }

    func testServiceTypos() {
        XCTAssertEqual(catalog.suggestions(for: "secretmanager:").first, "secretsmanager")
        XCTAssertEqual(catalog.suggestions(for: "secretmanager:GetSecretValue").first, "secretsmanager:GetSecretValue")
        XCTAssertEqual(catalog.suggestions(for: "ecrr:BatchGetImage").first, "ecr:BatchGetImage")
        XCTAssertTrue(catalog.suggestions(for: "zzzzzzzzzzzz:Get").isEmpty)
    }

    func testEditDistance() {
        func d(_ a: String, _ b: String) -> Int { ActionCatalog.editDistance(Array(a.utf8), Array(b.utf8), cap: 100) }
        XCTAssertEqual(d("kitten", "sitting"), 3)
        XCTAssertEqual(d("", "abc"), 3)
        XCTAssertEqual(d("same", "same"), 0)
    }
}
