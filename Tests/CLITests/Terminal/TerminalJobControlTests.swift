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
        try assertRestored()
    }
}
