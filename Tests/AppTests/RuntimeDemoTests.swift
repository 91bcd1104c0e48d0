import App
import TUIKit
import XCTest

/// Flow tests of the `tui-demo` program through the runtime with an in-memory terminal.
final class RuntimeDemoTests: XCTestCase {
    static let items = (0..<500).map { "svc\($0 % 10):Action\($0)" } + ["日本語のリソース名"]

    func make(size: Size = Size(width: 100, height: 30)) -> (Runtime<DemoProgram>, MemoryBackend) {
        let backend = MemoryBackend(size: size)
        let rt = Runtime(program: DemoProgram(), state: DemoState(size: size, items: Self.items), backend: backend)
        return (rt, backend)
    }

    func testFirstFrameShowsAllPanes() async {
        let (rt, backend) = make()
        await rt.waitForIdle()
        let screen = backend.screen
        XCTAssertTrue(screen.contains("Actions"))
        XCTAssertTrue(screen.contains("Policy (JSON)"))
        XCTAssertTrue(screen.contains("Findings"))
        XCTAssertTrue(screen.contains("› [ ] svc0:Action0"))
        XCTAssertTrue(screen.contains("/ filter"))
        XCTAssertTrue(screen.contains("0 of 501 selected"))
    }

    func testMoveToggleUpdatesPolicyAndToast() async {
        let (rt, backend) = make()
        backend.feed(keys: [.char("j"), .char("j"), .char(" ")])
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.list.cursor, 2)
        XCTAssertEqual(rt.state.list.selected, [2])
        XCTAssertTrue(backend.screen.contains("\"svc2:Action2\""))
        XCTAssertTrue(backend.screen.contains("added svc2:Action2"))
        XCTAssertTrue(backend.screen.contains("1 of 501 selected"))
    }

    func testFilterNarrowsAndEscapeClears() async {
        let (rt, backend) = make()
        backend.feed(keys: [.char("/")])
        backend.type("action49")
        await rt.waitForIdle()
        XCTAssertTrue(rt.state.filtering)
        let count = rt.state.filter.matchCount
        XCTAssertLessThan(count, 30)
        XCTAssertEqual(rt.state.filter.item(atRow: 0), "svc9:Action49")  // exact run ranks first
        XCTAssertTrue(backend.screen.contains("/ action49"))
        XCTAssertTrue(backend.screen.contains("\(count)/501"))
        backend.feed(keys: [KeyEvent(.enter)])
        await rt.waitForIdle()
        XCTAssertFalse(rt.state.filtering)
        backend.feed(keys: [KeyEvent(.escape)])
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.filter.matchCount, 501)
    }

    func testPasteGoesIntoTheFilter() async {
        let (rt, backend) = make()
        backend.feed(.key(.char("/")), .paste(PasteEvent("日本")))
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.filter.matchCount, 1)
        XCTAssertTrue(backend.screen.contains("日本語のリソース名"))
    }

    func testTabFocusAndFindingJump() async {
        let (rt, backend) = make()
        backend.feed(keys: [KeyEvent(.tab), KeyEvent(.tab), .char("j"), KeyEvent(.enter)])
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.focus, .findings)
        XCTAssertEqual(rt.state.highlightedLine, DemoData.findings[1].line)
    }

    func testMouseClickMovesCursor() async {
        let (rt, backend) = make()
        backend.feed(.mouse(MouseEvent(.click, x: 5, y: 4)))
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.list.cursor, 3)  // row 1 is the list's first row
        backend.feed(.mouse(MouseEvent(.scrollDown, x: 5, y: 4)))
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.list.offset, 3)
    }

    func testHelpScreenListsKeyMap() async {
        let (rt, backend) = make()
        backend.feed(keys: [.char("?")])
        await rt.waitForIdle()
        XCTAssertTrue(rt.state.showHelp)
        XCTAssertTrue(backend.screen.contains("toggle"))
        XCTAssertTrue(backend.screen.contains("PgDn"))
        backend.feed(keys: [.char("?")])
        await rt.waitForIdle()
        XCTAssertFalse(rt.state.showHelp)
    }

    func testQuit() {
        let (rt, backend) = make()
        backend.feed(keys: [.char("q")])
        XCTAssertEqual(rt.run(), .quit)
    }

    func testReducerIsPureAndReturnsEffects() {
        var s = DemoState(size: Size(width: 80, height: 24), items: Self.items)
        let p = DemoProgram()
        XCTAssertTrue(p.reduce(&s, .quit).first?.isQuit == true)
        let effects = p.reduce(&s, .toggle)
        XCTAssertEqual(effects.count, 1)  // the toast timer
        XCTAssertEqual(s.changedLines.count, 2)  // the new line and the comma added to the previous one
    }
}
