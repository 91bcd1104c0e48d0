import Foundation
import XCTest

/// Escape sequences from a real terminal decode to the right keys (the demo shows unbound keys).
final class TerminalKeyDecodingTests: TerminalTestCase {
    func testSpecialKeysDecode() throws {
        try launchDemo()
        let cases: [(String, String)] = [("M-x", "M-x"), ("F5", "F5"), ("F12", "F12"), ("C-Left", "C-←"),
                                         ("S-Right", "S-→"), ("C-f", "C-f"), ("IC", "ins"), ("M-Enter", "M-enter")]
        for (key, label) in cases {
            tmux.send(key)
            try tmux.waitFor("unbound key \(label)\n")
        }
        tmux.send("q")
        try assertRestored()
    }
}

/// Mouse reports from the terminal (X10 encoding, as `screen` terminfo declares) reach the program.
final class TerminalMouseTests: TerminalTestCase {
    /// "ESC [ M b x y" with each value offset by 32 and 1-based coordinates.
    private func x10(_ button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
    }

    func testClickMovesCursorAndWheelScrolls() throws {
        try launchDemo()
        tmux.send(x10(0, x: 5, y: 4) + x10(3, x: 5, y: 4), literal: true)  // press + release on row 3 of the list
        try tmux.waitFor("› [ ] ecr:GetAuthorizationToken")
        tmux.send(x10(65, x: 5, y: 10), literal: true)  // wheel down
        try tmux.waitFor("日本語のリソース名", absent: true)  // scrolled by three rows
        tmux.send("q")
        try assertRestored()
    }
}

/// A bracketed paste arrives as one paste event (multi-line text is flattened into the filter).
final class TerminalPasteTests: TerminalTestCase {
    func testBracketedPasteIntoFilter() throws {
        try launchDemo()
        tmux.send("/")
        try tmux.waitFor("type to filter")
        tmux.paste("日本\nq")
        let screen = try tmux.waitFor("/ 日本 q")
        XCTAssertTrue(screen.contains("0/60000"), screen)  // "q" did not quit: it was pasted text
        tmux.send("C-w")
        tmux.send("C-w")
        try tmux.waitFor("› [ ] 日本語のリソース名")
        tmux.send("Escape")
        try tmux.waitFor("type to filter", absent: true)  // also keeps Esc and q apart (else: Alt-q)
        tmux.send("q")
        try assertRestored()
    }
}
