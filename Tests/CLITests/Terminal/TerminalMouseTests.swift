import Foundation
import XCTest

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
        try tmux.waitFor("RESTORED")
    }
}
