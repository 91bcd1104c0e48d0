import Foundation
import XCTest

/// Ctrl-Z hands the terminal back to the shell and `fg` brings the full screen back.
final class TerminalJobControlTests: TerminalTestCase {
    func testCtrlZSuspendsAndFgResumes() throws {
        try launchDemo()
        tmux.send("j")
        try tmux.waitFor("› [ ] 🚀 rocket-service")
        tmux.send("C-z")
        let stopped = try tmux.waitFor("Stopped")
        XCTAssertFalse(stopped.contains("Policy (JSON)"), stopped)  // the shell's screen is back
        tmux.run("fg")
        let resumed = try tmux.waitFor("Policy (JSON)")
        XCTAssertTrue(resumed.contains("› [ ] 🚀 rocket-service"), resumed)  // state kept, fully repainted
        tmux.send("j")
        try tmux.waitFor("› [ ] café-au-lait")
        tmux.send("q")
        try tmux.waitFor("RESTORED")
    }
}

/// Without a UTF-8 locale the borders fall back to ASCII; `--ascii` forces it.
final class TerminalASCIITests: TerminalTestCase {
    func testNonUTF8LocaleUsesASCIIBorders() throws {
        tmux.run("LANG=C LC_ALL=C \(binary) tui-demo")
        let screen = try tmux.waitFor("+ Actions -")
        XCTAssertFalse(screen.contains("╭"), screen)
        tmux.send("q")
        try tmux.waitFor("Actions", absent: true)
    }

    func testASCIIFlag() throws {
        tmux.run("\(binary) tui-demo --ascii --no-mouse")
        let screen = try tmux.waitFor("+ Policy (JSON) -")
        XCTAssertTrue(screen.contains("> [ ]"), screen)
        tmux.send("q")
        try tmux.waitFor("Policy", absent: true)
    }
}

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
        try tmux.waitFor("RESTORED")
    }

    func testNoColorDrawsWithoutColours() throws {
        tmux.run("NO_COLOR=1 \(binary) tui-demo")
        try tmux.waitFor("Policy (JSON)")
        let styled = tmux.capture(escapes: true)
        XCTAssertNil(styled.range(of: #"\[(3|4)[0-7]m|38;5;|48;5;"#, options: .regularExpression), styled)
        XCTAssertTrue(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "reverse video kept")
        tmux.send("q")
        try tmux.waitFor("Policy", absent: true)
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
        try tmux.waitFor("RESTORED")
    }
}
