import TUIKit
import XCTest

final class ThemeTests: XCTestCase {
    func testNoColorKeepsAttributes() {
        let o = TerminalOptions.resolve(environment: ["NO_COLOR": "1", "LANG": "en_US.UTF-8"])
        XCTAssertTrue(o.noColor)
        XCTAssertFalse(o.ascii)
        let t = Theme.standard(o)
        XCTAssertEqual(t.error, Style(attributes: [.bold]))
        XCTAssertEqual(t.cursor, Style(attributes: [.reverse]))
        XCTAssertEqual(t.highlightedLine, Style(attributes: [.reverse]))
    }

    func testEmptyNoColorIsIgnored() {
        XCTAssertFalse(TerminalOptions.resolve(environment: ["NO_COLOR": "", "LANG": "C.UTF-8"]).noColor)
    }

    func testLocaleDecidesASCII() {
        XCTAssertTrue(TerminalOptions.resolve(environment: ["LANG": "C"]).ascii)
        XCTAssertTrue(TerminalOptions.resolve(environment: [:]).ascii)
        XCTAssertFalse(TerminalOptions.resolve(environment: ["LC_CTYPE": "en_GB.utf8"]).ascii)
        // LC_ALL wins over LANG.
        XCTAssertTrue(TerminalOptions.resolve(environment: ["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]).ascii)
        XCTAssertTrue(TerminalOptions.resolve(ascii: true, environment: ["LANG": "en_US.UTF-8"]).ascii)
        XCTAssertEqual(Theme.standard(TerminalOptions(ascii: true)).borders, .ascii)
    }

    func testNoMouseFlag() {
        XCTAssertTrue(TerminalOptions.resolve(noMouse: true, environment: [:]).noMouse)
    }
}

final class MemoryBackendTests: XCTestCase {
    func testScriptedEventsAndRecordedFrames() {
        let m = MemoryBackend(size: Size(width: 5, height: 1), events: [.key(.char("a"))])
        m.type("bc")
        XCTAssertEqual(m.readEvent(timeout: 0), .key(.char("a")))
        XCTAssertEqual(m.pendingEventCount, 2)
        var f = ScreenBuffer(size: m.size)
        f.put("hi", x: 0, y: 0)
        m.draw(f, diff: BufferDiff.between(nil, f))
        var g = f
        g.put("!", x: 2, y: 0)
        m.draw(g, diff: BufferDiff.between(f, g))
        XCTAssertEqual(m.screen.text, "hi!")
        XCTAssertEqual(m.frames.count, 2)
        XCTAssertEqual(m.diffs[1].changedCellCount, 1)
        m.resize(to: Size(width: 9, height: 2))
        XCTAssertEqual(m.size, Size(width: 9, height: 2))
        m.restore()
        XCTAssertTrue(m.isRestored)
    }
}
