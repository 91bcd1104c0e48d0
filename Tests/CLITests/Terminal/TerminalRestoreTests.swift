import Foundation
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
        try launchDemo()
        let pid = try XCTUnwrap(tmux.foregroundPID(), "no ecsrole process in the pane")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        let screen = try assertRestored()
        XCTAssertTrue(screen.contains("EXIT=143"), screen)  // killed by SIGTERM, re-raised after cleanup
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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["tui-demo"]
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 2)
        XCTAssertTrue(outData.isEmpty)
        let message = String(decoding: errData, as: UTF8.self)
        XCTAssertEqual(message.filter { $0 == "\n" }.count, 1, message)
        XCTAssertTrue(message.contains("not a TTY"), message)
    }

    func testUnusableTermExitsTwo() throws {
        tmux.run("TERM=dumb \(binary) tui-demo; echo \"EXIT=$?\"")
        let screen = try tmux.waitFor("EXIT=2")
        XCTAssertTrue(screen.contains("TERM=dumb"), screen)
    }
}
