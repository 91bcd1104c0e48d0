import XCTest
@testable import IAMKit

/// `ActionCatalog.prewarm` parses blocks until none is left, or until some thread asks for a service.
final class CatalogPrewarmTests: XCTestCase {
    func testPrewarmParsesEveryBlockWhenNothingAsks() throws {
        let catalog = ActionCatalog(text: CatalogData.text)
        XCTAssertEqual(catalog.parsedBlockCount, 0)
        catalog.prewarm()
        XCTAssertEqual(catalog.parsedBlockCount, catalog.servicePrefixes.count)
        // The parsed blocks answer as usual.
        XCTAssertEqual(catalog.action("ecr:batchgetimage")?.fullName, "ecr:BatchGetImage")
    }

    func testPrewarmGivesWayOnceAServiceIsAskedFor() throws {
        let catalog = ActionCatalog(text: CatalogData.text)
        XCTAssertNotNil(catalog.service("s3"))
        catalog.prewarm()
        XCTAssertEqual(catalog.parsedBlockCount, 1, "the request came first: nothing more to warm")
    }

    func testPrewarmOnAnotherThreadStopsWhenWorkStarts() throws {
        let catalog = ActionCatalog(text: CatalogData.text)
        let done = expectation(description: "prewarm returned")
        Thread.detachNewThread {
            catalog.prewarm()
            done.fulfill()
        }
        XCTAssertEqual(catalog.action("logs:PutLogEvents")?.fullName, "logs:PutLogEvents")
        wait(for: [done], timeout: 30)
        // It returned because a service was asked for (or nothing was left): a second warm-up
        // now parses nothing more.
        let parsed = catalog.parsedBlockCount
        catalog.prewarm()
        XCTAssertEqual(catalog.parsedBlockCount, parsed)
        // Everything still resolves, whoever parsed it.
        XCTAssertEqual(catalog.expand("*").count, ActionCatalog.shared.expand("*").count)
    }
}
