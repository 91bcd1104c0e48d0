import Foundation
import TestSupport
import XCTest

/// The terminal is given back intact on quit and on SIGTERM; without a TTY the command refuses.
final class TerminalRestoreTests: TerminalTestCase {
    func testQuitRestoresTerminal() throws {
        try launchDemo()
        tmux.send("q")
        let screen = try assertRestored()
        XCTAssertTrue(screen.contains("EXIT=0"), screen)
    }

    func testSIGTERMRestoresTerminal() throws {
        try killAndCheck(SIGTERM)
    }

    func testSIGINTAndSIGHUPRestoreTerminal() throws {
        try killAndCheck(SIGINT)
        try killAndCheck(SIGHUP)
    }

    /// Sends `signal` to the running demo: the terminal must be restored and the signal re-raised
    /// (the shell sees 128 + signal).
    private func killAndCheck(_ signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        tmux.run("clear")
        try tmux.waitFor("Policy", absent: true)
        try launchDemo()
        let pid = try XCTUnwrap(tmux.foregroundPID(), "no ecsrole process in the pane", file: file, line: line)
        XCTAssertEqual(kill(pid, signal), 0, file: file, line: line)
        if signal == SIGINT {
            // bash abandons the rest of a command list whose job died of SIGINT: check separately.
            try tmux.waitFor("Policy (JSON)", absent: true, file: file, line: line)
            tmux.run("[ \"$(stty -g)\" = \"$s0\" ] && echo \"RE\"\"STORED\"")
            try assertRestored(file: file, line: line)
            return
        }
        let screen = try assertRestored(file: file, line: line)
        XCTAssertTrue(screen.contains("EXIT=\(128 + signal)"), screen, file: file, line: line)
    }

    func testCrashRestoresTerminal() throws {
        try launchDemo("", env: "ECSROLE_TUI_DEMO_CRASH=1 SWIFT_BACKTRACE=enable=no")
        tmux.send("!")
        let screen = try assertRestored()
        XCTAssertFalse(screen.contains("EXIT=0"), screen)
    }

    func testCtrlCQuitsAndRestores() throws {
        try launchDemo()
        tmux.send("C-c")
        try assertRestored()
    }

    func testNoTTYExitsTwoWithOneLine() throws {
        // Outside tmux: stdin, stdout and stderr are pipes, so there is no terminal to take over.
        let r = try CommandRunner.run(binary, ["tui-demo"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.isEmpty)
        let message = r.stderr
        XCTAssertEqual(message.filter { $0 == "\n" }.count, 1, message)
        XCTAssertTrue(message.contains("not a TTY"), message)
    }

    func testUnusableTermExitsTwo() throws {
        tmux.run("TERM=dumb \(binary) tui-demo; echo \"EXIT=$?\"")
        let screen = try tmux.waitFor("EXIT=2")
        XCTAssertTrue(screen.contains("TERM=dumb"), screen)
    }
}
