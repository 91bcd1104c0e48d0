import ExecRoleKit
import Foundation
import TestSupport
import XCTest

/// Real-terminal tests of the wizard (the default command) on the tui branch's tmux harness:
/// complete it on the demo account; kill -9 it midway, restart, resume, finish with nothing lost.
final class WizardTmuxTests: TerminalTestCase {
    var work = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        work = NSTemporaryDirectory() + "ecsrole-wizard-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        super.tearDown()
        try? FileManager.default.removeItem(atPath: work)
    }

    /// Presses w (write the files), waits for the confirmation, quits and waits for exit status 0.
    func writeAndQuit(file: StaticString = #filePath, line: UInt = #line) throws {
        tmux.send("w", literal: true)
        try tmux.waitFor("Wrote", file: file, line: line)
        tmux.send("q", literal: true)
        try tmux.waitFor("EXIT=0", file: file, line: line)
    }

    /// Starts `ecsrole` with no subcommand (the wizard), drafts under `work/state`, files into `work/out`.
    func launch(waitFor pattern: String = "DEMO") throws {
        // No AWS credentials in reach, whatever the machine has: the wizard must fall back to the demo.
        let noCreds = "env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_CONFIG_FILE=/dev/null"
        tmux.run("cd \(work); s0=$(stty -g); XDG_STATE_HOME=\(work)/state \(noCreds) \(binary) --out \(work)/out; echo \"EXIT=$?\"; [ \"$(stty -g)\" = \"$s0\" ] && echo \"RE\"\"STORED\"")
        try tmux.waitFor(pattern)
    }

    func readSpec() throws -> RoleSpec { try SpecCoding.parse(String(contentsOfFile: work + "/out/ecsrole.json", encoding: .utf8)) }

    func waitForFile(_ path: String, containing needle: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: path, encoding: .utf8), s.contains(needle) { return }
            usleep(50_000)
        }
        XCTFail("\(path) never contained \"\(needle)\"", file: file, line: line)
    }

    func testCompleteOnDemoAccountWritesFiles() throws {
        try launch()
        tmux.send("2", literal: true)
        try tmux.waitFor("2 Images ─")
        tmux.send("/checkout", literal: true)
        tmux.send("Enter")
        tmux.send(" ", literal: true)
        try tmux.waitFor("1 chosen")
        tmux.send("3", literal: true)
        try tmux.waitFor("3 Logs ─")
        tmux.send(" ", literal: true)
        try tmux.waitFor("1 chosen")
        try writeAndQuit()
        try assertRestored()
        let spec = try readSpec()
        XCTAssertEqual(spec.repositories.count, 1)
        XCTAssertEqual(spec.logGroups.count, 1)
        // Byte for byte what `ecsrole generate --spec ecsrole.json` writes (the real command).
        let gen = TmuxSession.spawn([binary, "generate", "--spec", work + "/out/ecsrole.json", "--out", work + "/regen"])
        XCTAssertEqual(gen.status, 0, gen.output)
        let names = try FileManager.default.contentsOfDirectory(atPath: work + "/out").sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: work + "/regen").sorted())
        XCTAssertEqual(names.count, RoleOutput.files(for: spec).count)
        for n in names {
            XCTAssertEqual(FileManager.default.contents(atPath: work + "/out/" + n), FileManager.default.contents(atPath: work + "/regen/" + n), n)
        }
    }

    func testKillNineThenResumeLosesNothing() throws {
        try launch()
        tmux.send("2", literal: true)
        tmux.send(" j ", literal: true)
        try tmux.waitFor("2 chosen")
        tmux.send("4", literal: true)
        try tmux.waitFor("4 Secrets ─")
        tmux.send(" ", literal: true)
        try tmux.waitFor("1 chosen")
        let draftPath = work + "/state/ecsrole/draft.json"
        waitForFile(draftPath, containing: "\"secrets\"")
        let before = try String(contentsOfFile: draftPath, encoding: .utf8)
        let pid = try XCTUnwrap(tmux.foregroundPID(), "wizard process not found")
        kill(pid, SIGKILL)
        try tmux.waitFor("EXIT=137")
        XCTAssertEqual(try String(contentsOfFile: draftPath, encoding: .utf8), before, "the draft survives kill -9 intact")

        tmux.run("stty sane; clear")
        try launch(waitFor: "Resume draft?")
        tmux.send("Enter")
        try tmux.waitFor("Resumed the draft")
        try writeAndQuit()
        let spec = try readSpec()
        XCTAssertEqual(spec.repositories.count, 2)
        XCTAssertEqual(spec.secrets.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: draftPath), "the draft is removed after writing")
    }

    /// With credentials the wizard reads the live account (moto) in the background: a progress
    /// indicator, then LIVE with the inventory's time, the account's repositories in the picker, and
    /// `R` reads it again (picking up a repository created meanwhile).
    func testLiveAccountIsReadInTheBackgroundAndRefreshed() throws {
        let m = try MotoServer.start()
        defer { m.stop() }
        let env = m.awsEnv(region: "eu-west-1")
        for repo in ["live-api", "live-web"] {
            XCTAssertEqual(try CommandRunner.run("aws", ["ecr", "create-repository", "--repository-name", repo], env: env).status, 0)
        }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        tmux.run("cd \(work); XDG_STATE_HOME=\(work)/state env \(exports) \(binary) --out \(work)/out; echo \"EXIT=$?\"")
        try tmux.waitFor("LIVE")
        try tmux.waitFor("read 2")
        tmux.send("2", literal: true)
        try tmux.waitFor("live-api")
        XCTAssertTrue(tmux.capture().contains("live-web"))
        XCTAssertEqual(try CommandRunner.run("aws", ["ecr", "create-repository", "--repository-name", "live-new"], env: env).status, 0)
        tmux.send("R", literal: true)
        try tmux.waitFor("live-new")
        tmux.send("q", literal: true)
        try tmux.waitFor("EXIT=0")
    }
}
