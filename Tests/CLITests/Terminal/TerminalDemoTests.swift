import Foundation
import XCTest

/// First frame, cursor keys, filtering and wide characters in a real terminal.
final class TerminalDemoTests: TerminalTestCase {
    func testFirstFrameKeysAndWideCharacters() throws {
        try launchDemo()
        let first = try tmux.waitFor("0 of 60000 selected")
        XCTAssertTrue(first.contains("› [ ] 日本語のリソース名"), first)
        XCTAssertTrue(first.contains("? help"), first)
        // Wide characters take two cells each: the pane border after them stays aligned.
        let rows = first.components(separatedBy: "\n")
        let cjk = rows.first { $0.contains("日本語") } ?? ""
        let plain = rows.first { $0.contains("café-au-lait") } ?? ""
        XCTAssertEqual(displayColumns(cjk), displayColumns(plain), "\n\(cjk)\n\(plain)")

        tmux.send("j")
        try tmux.waitFor("› [ ] 🚀 rocket-service")
        tmux.send("Down")
        try tmux.waitFor("› [ ] café-au-lait")
        tmux.send("Space")
        try tmux.waitFor("1 of 60000 selected")
        try tmux.waitFor("\"café-au-lait\"")
        tmux.send("q")
        try assertRestored()
    }

    func testSlashFilters() throws {
        try launchDemo()
        tmux.send("/")
        try tmux.waitFor("type to filter")
        tmux.send("kmsdecrypt", literal: true)
        let screen = try tmux.waitFor("› [ ] kms:Decrypt")
        XCTAssertTrue(screen.contains("/ kmsdecrypt"), screen)
        XCTAssertTrue(screen.contains("/60000"), screen)
        tmux.send("Escape")
        try tmux.waitFor("/ kmsdecrypt", absent: true)
        tmux.send("q")
        try tmux.waitFor("EXIT=0")
        try assertRestored()
    }

    func testResizeToTooSmallAndBack() throws {
        try launchDemo()
        tmux.resize(width: 20, height: 6)
        try tmux.waitFor("too small")
        tmux.resize(width: 120, height: 40)
        let screen = try tmux.waitFor("Policy (JSON)")
        XCTAssertFalse(screen.contains("too small"), screen)
        tmux.send("q")
        try assertRestored()
    }

    /// Columns a captured line occupies, counting wide characters as two.
    private func displayColumns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
            let zero = (0x300...0x36F).contains(v) || v == 0xFE0F || v == 0x200D
            return n + (zero ? 0 : wide ? 2 : 1)
        }
    }
}
