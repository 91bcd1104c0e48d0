import ExecRoleKit
import Foundation
import XCTest

/// Real-terminal tests of the wizard: the built binary inside a private tmux server.
/// Skipped when tmux or the binary is missing. Polls the screen (never sleeps blindly).
final class WizardTmuxTests: XCTestCase {
    var socket = ""
    var work = ""

    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    static var binary: String? {
        for c in ["debug", "release"] {
            let p = packageRoot.appendingPathComponent(".build/\(c)/ecsrole").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    override func setUpWithError() throws {
        guard Self.which("tmux") != nil else { throw XCTSkip("tmux not installed") }
        guard Self.binary != nil else { throw XCTSkip("ecsrole not built") }
        socket = "ecsrole-wizard-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        work = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = Self.sh(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: work)
    }

    static func which(_ tool: String) -> String? {
        let r = sh(["/bin/sh", "-c", "command -v \(tool)"])
        return r.status == 0 ? r.out.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Runs a command with posix_spawn + waitpid. Foundation's `Process.waitUntilExit` never
    /// returned here for `tmux new-session` (whose client forks the server), so it is not used.
    @discardableResult
    static func sh(_ args: [String]) -> (status: Int32, out: String) {
        let out = NSTemporaryDirectory() + "wizard-sh-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "\(quoted) > '\(out)' 2>&1 < /dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [String]([String]([ "/bin/sh", "-c", script ])).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return (-1, "spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    func tmux(_ args: String...) { Self.sh(["tmux", "-L", socket] + args) }

    /// Starts the wizard in a fresh session; the command line records the exit status in a file.
    func start() {
        let bin = Self.binary!
        let cmd = "cd \(work) && XDG_STATE_HOME=\(work)/state TERM=xterm-256color LANG=C.UTF-8 \(bin) --out \(work)/out; echo EXIT=$? > \(work)/exit"
        Self.sh(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "36", cmd])
    }

    func screen() -> String { Self.sh(["tmux", "-L", socket, "capture-pane", "-p"]).out }

    func waitFor(_ needle: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().contains(needle) { return }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \"\(needle)\"; screen:\n\(screen())", file: file, line: line)
    }

    func waitForFile(_ path: String, containing needle: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: path, encoding: .utf8), s.contains(needle) { return }
            usleep(50_000)
        }
        XCTFail("\(path) never contained \"\(needle)\"", file: file, line: line)
    }

    func keys(_ k: String...) { Self.sh(["tmux", "-L", socket, "send-keys"] + k) }
    func text(_ t: String) { Self.sh(["tmux", "-L", socket, "send-keys", "-l", t]) }

    func testCompleteOnDemoAccountWritesFiles() throws {
        start()
        waitFor("DEMO")
        waitFor("1 Service")
        text("2")
        waitFor("2 Images")
        text("/checkout")
        keys("Enter")
        text(" ")
        waitFor("1 chosen")
        text("3")
        text(" ")
        waitFor("1 chosen")
        text("w")
        waitFor("Wrote")
        text("q")
        waitForFile(work + "/exit", containing: "EXIT=0")
        let spec = try SpecCoding.parse(String(contentsOfFile: work + "/out/ecsrole.json", encoding: .utf8))
        XCTAssertEqual(spec.repositories.count, 1)
        XCTAssertEqual(spec.logGroups.count, 1)
        for f in RoleOutput.files(for: spec) {
            XCTAssertEqual(try String(contentsOfFile: work + "/out/" + f.name, encoding: .utf8), f.contents, f.name)
        }
    }

    func testKillNineThenResumeLosesNothing() throws {
        start()
        waitFor("DEMO")
        text("2")
        text(" j ")
        waitFor("2 chosen")
        text("4")
        text(" ")
        waitFor("1 chosen")
        let draftPath = work + "/state/ecsrole/draft.json"
        waitForFile(draftPath, containing: "secrets")
        let before = try XCTUnwrap(try? String(contentsOfFile: draftPath, encoding: .utf8))
        // kill -9 the wizard (the pane's child process), as a crash would.
        let pid = Self.sh(["tmux", "-L", socket, "list-panes", "-F", "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = Self.sh(["pgrep", "-P", pid, "-f", "ecsrole"]).out.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertFalse(child.isEmpty, "wizard process not found under pane \(pid)")
        Self.sh(["kill", "-9", child])
        waitForFile(work + "/exit", containing: "EXIT=137")
        tmux("kill-server")
        XCTAssertEqual(try String(contentsOfFile: draftPath, encoding: .utf8), before)

        start()
        waitFor("Resume draft?")
        keys("Enter")
        waitFor("Resumed the draft")
        text("w")
        waitFor("Wrote")
        text("q")
        waitForFile(work + "/exit", containing: "EXIT=0")
        let spec = try SpecCoding.parse(String(contentsOfFile: work + "/out/ecsrole.json", encoding: .utf8))
        XCTAssertEqual(spec.repositories.count, 2)
        XCTAssertEqual(spec.secrets.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: draftPath), "the draft is removed after writing")
    }
}
