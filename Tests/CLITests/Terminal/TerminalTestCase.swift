import Foundation
import TestSupport
import XCTest

/// Base for real-terminal tests: a fresh tmux session per test and a helper that launches
/// `ecsrole tui-demo` wrapped so the shell reports whether `stty` settings were restored.
class TerminalTestCase: XCTestCase {
    var tmux: TmuxSession!
    var binary = ""

    override func setUpWithError() throws {
        binary = try CommandRunner.ecsrole
        tmux = try TmuxSession()
    }

    override func tearDown() {
        tmux = nil  // kill-server
    }

    /// Starts the demo and waits for its first frame.
    func launchDemo(_ extra: String = "", env: String = "") throws {
        tmux.run("s0=$(stty -g); \(env) \(binary) tui-demo \(extra); echo \"EXIT=$?\"; [ \"$(stty -g)\" = \"$s0\" ] && echo \"RE\"\"STORED\"")
        try tmux.waitFor("Policy (JSON)")
    }

    /// Presses q and waits until `pattern` has left the screen (for launches without the wrapper).
    func quitDemo(gone pattern: String, file: StaticString = #filePath, line: UInt = #line) throws {
        tmux.send("q")
        try tmux.waitFor(pattern, absent: true, file: file, line: line)
    }

    /// Waits for the wrapper's "RESTORED" (stty settings equal) and checks that the alternate screen,
    /// mouse reporting and hidden cursor were all switched back.
    @discardableResult
    func assertRestored(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let screen = try tmux.waitFor("RESTORED", file: file, line: line)
        XCTAssertEqual(tmux.modes(), "0 0 1", "alternate screen, mouse, cursor after exit", file: file, line: line)
        return screen
    }
}
