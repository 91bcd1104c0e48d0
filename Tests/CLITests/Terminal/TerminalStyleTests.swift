import Foundation
import XCTest

/// Without a UTF-8 locale the borders fall back to ASCII; `--ascii` forces it; NO_COLOR drops colours.
final class TerminalASCIITests: TerminalTestCase {
    func testNonUTF8LocaleUsesASCIIBorders() throws {
        tmux.run("LANG=C LC_ALL=C \(binary) tui-demo")
        let screen = try tmux.waitFor("+ Actions -")
        XCTAssertFalse(screen.contains("╭"), screen)
        try quitDemo(gone: "Actions")
    }

    func testASCIIFlag() throws {
        tmux.run("\(binary) tui-demo --ascii --no-mouse")
        let screen = try tmux.waitFor("+ Policy (JSON) -")
        XCTAssertTrue(screen.contains("> [ ]"), screen)
        try quitDemo(gone: "Policy")
    }

    func testNoColorDrawsWithoutColours() throws {
        tmux.run("NO_COLOR=1 \(binary) tui-demo")
        try tmux.waitFor("Policy (JSON)")
        let styled = tmux.capture(escapes: true)
        XCTAssertNil(styled.range(of: #"\[(3|4)[0-7]m|38;5;|48;5;"#, options: .regularExpression), styled)
        XCTAssertTrue(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "reverse video kept")
        try quitDemo(gone: "Policy")
    }
}
