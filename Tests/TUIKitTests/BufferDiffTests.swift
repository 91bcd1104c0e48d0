import TUIKit
import XCTest

final class BufferDiffTests: XCTestCase {
    func testFirstFrameIsFullRedraw() {
        let b = ScreenBuffer(size: Size(width: 4, height: 2))
        let d = BufferDiff.between(nil, b)
        XCTAssertTrue(d.isFullRedraw)
        XCTAssertEqual(d.runs.count, 2)
    }

    func testIdenticalFramesHaveNoChanges() {
        var b = ScreenBuffer(size: Size(width: 10, height: 3))
        b.put("hello", x: 0, y: 1)
        XCTAssertTrue(BufferDiff.between(b, b).isEmpty)
    }

    func testOnlyChangedRunsAreReported() {
        var a = ScreenBuffer(size: Size(width: 20, height: 3))
        a.put("hello world", x: 0, y: 0)
        var b = a
        b.put("J", x: 6, y: 0)
        b.put("Z", x: 19, y: 2)
        let d = BufferDiff.between(a, b)
        XCTAssertFalse(d.isFullRedraw)
        XCTAssertEqual(d.runs.map { [$0.x, $0.y, $0.cells.count] }, [[6, 0, 1], [19, 2, 1]])
    }

    func testStyleChangeIsAChange() {
        var a = ScreenBuffer(size: Size(width: 5, height: 1))
        a.put("abc", x: 0, y: 0)
        var b = a
        b.applyStyle(Style.plain.bold, to: Rect(x: 1, y: 0, width: 1, height: 1))
        XCTAssertEqual(BufferDiff.between(a, b).runs.first?.x, 1)
    }

    func testRunNeverStartsInsideAWideCharacter() {
        var a = ScreenBuffer(size: Size(width: 6, height: 1))
        a.put("日本", x: 0, y: 0)
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("日本", x: 0, y: 0)
        b[3, 0] = .continuation(style: Style.plain.bold)  // only the right half differs
        let run = BufferDiff.between(a, b).runs[0]
        XCTAssertEqual(run.x, 2)
    }

    func testNearbyChangesMergeIntoOneRun() {
        let a = ScreenBuffer(size: Size(width: 20, height: 1))
        var b = a
        b.put("x", x: 2, y: 0)
        b.put("y", x: 5, y: 0)
        let d = BufferDiff.between(a, b)
        XCTAssertEqual(d.runs.count, 1)
        XCTAssertEqual(d.runs[0].cells.count, 4)
        // Applying the diff to the old frame reproduces the new one.
        var applied = a
        for run in d.runs { for (i, c) in run.cells.enumerated() { applied[run.x + i, run.y] = c } }
        XCTAssertEqual(applied, b)
    }
}
