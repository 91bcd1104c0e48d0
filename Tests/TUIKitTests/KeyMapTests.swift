import TUIKit
import XCTest

final class KeyMapTests: XCTestCase {
    enum A: Sendable, Equatable { case up, quit, help, hidden }

    var map: KeyMap<A> {
        var m = KeyMap<A>()
        m.bind([KeyEvent(.up), .char("k")], .up, help: "up", group: "Move")
        m.bind([.char("q")], .quit, help: "quit", group: "General")
        m.bind([.char("?")], .help, help: "help", group: "General")
        m.bind([.ctrl("x")], .hidden, help: "secret", inHelpBar: false, group: "General")
        return m
    }

    func testLookup() {
        XCTAssertEqual(map.action(for: .char("k")), .up)
        XCTAssertEqual(map.action(for: KeyEvent(.up)), .up)
        XCTAssertEqual(map.action(for: .ctrl("x")), .hidden)
        XCTAssertNil(map.action(for: .char("z")))
    }

    func testFirstBindingWinsOnMerge() {
        var front = KeyMap<A>()
        front.bind([.char("q")], .help)
        XCTAssertEqual(front.merged(with: map).action(for: .char("q")), .help)
    }

    func testHelpItemsAndHelpScreen() {
        XCTAssertEqual(map.helpItems.map(\.keys), ["↑/k", "q", "?"])
        XCTAssertEqual(map.helpLines, ["Move", "  ↑/k  up", "", "General", "  q    quit", "  ?    help", "  C-x  secret"])
    }

    func testKeyDescriptions() {
        XCTAssertEqual(KeyEvent.ctrl("r").description, "C-r")
        XCTAssertEqual(KeyEvent.alt("b").description, "M-b")
        XCTAssertEqual(KeyEvent(.pageDown).description, "PgDn")
        XCTAssertEqual(KeyEvent.char(" ").description, "space")
    }

    func testHelpBarDropsWhatDoesNotFitButKeepsHelp() {
        var b = ScreenBuffer(size: Size(width: 16, height: 1))
        b.render(HelpBar(keyMap: map), in: b.area)
        XCTAssertEqual(b.line(0).trimmingTrailingSpaces(), "↑/k up  ? help")
    }
}
