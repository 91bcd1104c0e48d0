import XCTest
@testable import IAMKit

final class CatalogExpandTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testStarIsEverything() {
        XCTAssertEqual(catalog.expand("*").count, 20_455)
        XCTAssertEqual(catalog.allActions.count, 20_455)
    }

    func testServiceStarAndPrefixes() throws {
        let s3 = try XCTUnwrap(catalog.service("s3"))
        XCTAssertEqual(catalog.expand("s3:*").count, s3.actions.count)
        XCTAssertEqual(catalog.expand("S3:*").count, s3.actions.count)
        let ecrGets = catalog.expand("ecr:Get*")
        let expected = try XCTUnwrap(catalog.service("ecr")).actions.filter { $0.name.hasPrefix("Get") }
        XCTAssertEqual(ecrGets.map(\.fullName), expected.map(\.fullName))
        XCTAssertTrue(ecrGets.map(\.name).contains("GetAuthorizationToken"))
        XCTAssertEqual(catalog.expand("ecr:get*").count, ecrGets.count)
    }

    func testQuestionMarkAndMiddleStar() {
        XCTAssertEqual(catalog.expand("ecr:*Image?").map(\.name).sorted(),
                       catalog.expand("ecr:*").map(\.name).filter { $0.lowercased().dropLast().hasSuffix("image") }.sorted())
        XCTAssertEqual(catalog.expand("ssm:GetParameter?").map(\.name), ["GetParameters"])
        XCTAssertEqual(catalog.expand("logs:Put*Events").map(\.fullName), ["logs:PutLogEvents"])
    }

    func testExactAndUnknown() {
        XCTAssertEqual(catalog.expand("ecr:batchgetimage").map(\.fullName), ["ecr:BatchGetImage"])
        XCTAssertTrue(catalog.expand("nosuch:*").isEmpty)
        XCTAssertTrue(catalog.expand("ecr:Nope*").isEmpty)
        XCTAssertTrue(catalog.expand("ecr").isEmpty)
    }

    func testServiceWildcard() {
        let all = catalog.expand("ecr*:*")
        XCTAssertTrue(Set(all.map(\.service)).isSuperset(of: ["ecr", "ecr-public"]))
    }
}
