import Foundation
import XCTest

/// Drives the real `ecsrole` binary in a private tmux server: send keys, poll the screen until a
/// pattern appears (every 50 ms, 10 s cap — never a fixed sleep), dump the screen on failure.
final class TmuxSession {
    private static let counter = Counter()
    let socket: String
    let target = "main"

    /// Starts a detached session running a plain shell with a "$ " prompt and a UTF-8 locale.
    init(width: Int = 120, height: Int = 40, file: StaticString = #filePath, line: UInt = #line) throws {
        socket = "ecsrole-test-\(getpid())-\(TmuxSession.counter.next())"
        let (status, out) = TmuxSession.tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", target,
                                                      "-x", "\(width)", "-y", "\(height)",
                                                      "env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8",
                                                      "TERM=screen-256color", "PS1=$ ", "bash", "--norc", "--noprofile"])
        guard status == 0 else { throw HarnessError("tmux new-session failed (\(status)): \(out)") }
        _ = TmuxSession.tmux(socket, ["set-option", "-g", "escape-time", "0"])
        socketPath = TmuxSession.tmux(socket, ["display-message", "-p", "#{socket_path}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try waitFor("$", file: file, line: line)
    }

    /// The server's socket file, removed in teardown (tmux leaves it behind after kill-server).
    private var socketPath = ""

    deinit {
        _ = TmuxSession.tmux(socket, ["kill-server"])
        if socketPath.hasPrefix("/") { unlink(socketPath) }
    }

    /// Types a shell command line and presses Enter.
    func run(_ commandLine: String) {
        _ = TmuxSession.tmux(socket, ["send-keys", "-t", target, "-l", commandLine])
        _ = TmuxSession.tmux(socket, ["send-keys", "-t", target, "Enter"])
    }

    /// Sends tmux key names ("j", "Down", "Escape", "C-c") or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) {
        _ = TmuxSession.tmux(socket, ["send-keys", "-t", target] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    func capture(escapes: Bool = false) -> String {
        TmuxSession.tmux(socket, ["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).output
    }

    /// Terminal modes as tmux tracks them: "alternate-screen mouse-reporting cursor-visible".
    /// A shell restores `stty` settings itself when a job dies of a signal, so these modes are
    /// what really shows whether the program cleaned up.
    func modes() -> String {
        TmuxSession.tmux(socket, ["display-message", "-p", "-t", target, "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Pastes `text` the way a terminal does: bracketed when the program asked for it.
    func paste(_ text: String) {
        _ = TmuxSession.tmux(socket, ["set-buffer", "--", text])
        _ = TmuxSession.tmux(socket, ["paste-buffer", "-p", "-t", target])
    }

    func resize(width: Int, height: Int) {
        _ = TmuxSession.tmux(socket, ["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// PID of the program running in the pane's shell (the shell's child).
    func foregroundPID() -> Int32? {
        let shell = TmuxSession.tmux(socket, ["display-message", "-p", "-t", target, "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls until `pattern` is on screen (or `absent` is true and it is gone).
    @discardableResult
    func waitFor(_ pattern: String, absent: Bool = false, timeout: Double = 10,
                 file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if screen.contains(pattern) != absent { return screen }
            usleep(50_000)
        }
        let what = absent ? "disappear" : "appear"
        XCTFail("Timed out after \(timeout)s waiting for \"\(pattern)\" to \(what). Screen:\n\(screen)", file: file, line: line)
        throw HarnessError("timeout waiting for \(pattern)")
    }

    @discardableResult
    static func tmux(_ socket: String, _ args: [String]) -> (status: Int32, output: String) {
        spawn(["/usr/bin/env", "LANG=C.UTF-8", "tmux", "-L", socket] + args)
    }

    /// Runs a command with posix_spawn and waitpid. Foundation's `Process` is avoided on purpose:
    /// on Linux it never reaps `tmux new-session -d`, whose daemon inherits its descriptors.
    /// Output goes to a file (a pipe would be held open by the tmux server forever).
    static func spawn(_ argv: [String]) -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(getpid())-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cEnv.forEach { free($0) }; cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { return (-1, "posix_spawn failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int { lock.withLock { n += 1; return n } }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
