import TUIKit
import XCTest

final class LayoutTests: XCTestCase {
    let area = Rect(x: 0, y: 0, width: 100, height: 10)

    func testLengthAndFill() {
        let r = Layout.horizontal([.length(20), .fill()]).split(area)
        XCTAssertEqual(r.map(\.width), [20, 80])
        XCTAssertEqual(r[1].x, 20)
    }

    func testPercentageAndWeights() {
        XCTAssertEqual(Layout.horizontal([.percentage(40), .fill()]).split(area).map(\.width), [40, 60])
        XCTAssertEqual(Layout.horizontal([.fill(1), .fill(3)]).split(area).map(\.width), [25, 75])
    }

    func testMinAndMax() {
        XCTAssertEqual(Layout.horizontal([.max(30), .fill()]).split(area).map(\.width), [30, 70])
        XCTAssertEqual(Layout.horizontal([.min(10), .length(50)]).split(area).map(\.width), [50, 50])
    }

    func testOverflowShrinksFromTheEnd() {
        XCTAssertEqual(Layout.horizontal([.length(70), .length(50)]).split(area).map(\.width), [70, 30])
    }

    func testVerticalWithSpacing() {
        let r = Layout.vertical([.length(3), .fill(), .length(1)], spacing: 1).split(area)
        XCTAssertEqual(r.map(\.height), [3, 4, 1])
        XCTAssertEqual(r.map(\.y), [0, 4, 9])
    }

    func testRectHelpers() {
        XCTAssertEqual(area.inset(by: 1), Rect(x: 1, y: 1, width: 98, height: 8))
        XCTAssertEqual(area.centered(width: 10, height: 2), Rect(x: 45, y: 4, width: 10, height: 2))
        XCTAssertTrue(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    }
}
