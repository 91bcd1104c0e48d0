import XCTest
final class ScaffoldTests: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
