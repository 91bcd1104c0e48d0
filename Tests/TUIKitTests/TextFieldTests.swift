import TUIKit
import XCTest

final class TextFieldTests: XCTestCase {
    func testTypingAndCursorMoves() {
        var t = TextFieldState()
        for c in "hello world" { t.handle(.char(c)) }
        XCTAssertEqual(t.text, "hello world")
        t.handle(KeyEvent(.home))
        XCTAssertEqual(t.cursor, 0)
        t.handle(.alt("f"))
        XCTAssertEqual(t.cursor, 5)
        t.handle(KeyEvent(.end))
        t.handle(.alt("b"))
        XCTAssertEqual(t.cursor, 6)
        t.handle(KeyEvent(.left, modifiers: .ctrl))
        XCTAssertEqual(t.cursor, 0)
    }

    func testDeleteWordAndKill() {
        var t = TextFieldState("ecr:Get Image now")
        t.handle(.ctrl("w"))
        XCTAssertEqual(t.text, "ecr:Get Image ")
        t.handle(.ctrl("w"))
        XCTAssertEqual(t.text, "ecr:Get ")
        t.handle(KeyEvent(.backspace))
        XCTAssertEqual(t.text, "ecr:Get")
        t.handle(.ctrl("a"))
        t.handle(.alt("d"))
        XCTAssertEqual(t.text, ":Get")
        t.handle(.ctrl("k"))
        XCTAssertEqual(t.text, "")
    }

    func testPasteReplacesNewlines() {
        var t = TextFieldState("a")
        t.insert("b\nc\td")
        XCTAssertEqual(t.text, "ab c d")
        XCTAssertEqual(t.cursor, 6)
    }

    func testNonEditingKeysAreNotConsumed() {
        var t = TextFieldState()
        XCTAssertFalse(t.handle(KeyEvent(.tab)))
        XCTAssertFalse(t.handle(KeyEvent(.up)))
    }

    func testRenderScrollsToKeepCursorVisible() {
        var b = ScreenBuffer(size: Size(width: 10, height: 1))
        let state = TextFieldState("abcdefghijklmnopqrstuvwxyz")
        b.render(TextField(state: state, prompt: Span("> ")), in: b.area)
        XCTAssertEqual(b.line(0), "> tuvwxyz ")
        XCTAssertEqual(b[9, 0].style, Theme().cursor)
    }
}
