import App
import ArgumentParser
import Foundation
import NcursesBackend
import TUIKit

/// Hidden `ecsrole tui-demo`: the terminal UI kit on generated data, for manual and tmux tests and
/// the keystroke benchmark. The wizard replaces it as the default command.
struct TUIDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui-demo",
        abstract: "Terminal UI demo (developer tool).",
        shouldDisplay: false
    )

    @Flag(help: "Draw borders with ASCII characters.") var ascii = false
    @Flag(help: "Do not capture the mouse.") var noMouse = false
    @Flag(help: "Run the headless keystroke benchmark and print p50/p99.") var bench = false
    @Option(help: "Benchmark rounds.") var rounds = 20

    func run() throws {
        if bench {
            let r = DemoBenchmark.run(rounds: rounds)
            let fmt = { (v: Double) in String(format: "%.3f", v) }
            print("tui-demo bench: 200x60, 60,000 items, \(r.samples.count) keystrokes (\(rounds) rounds of type+delete)")
            print("setup \(fmt(r.setupMilliseconds)) ms; per keystroke reduce+render+diff: p50 \(fmt(r.percentile(0.5))) ms, p99 \(fmt(r.percentile(0.99))) ms, max \(fmt(r.percentile(1)))")
            return
        }
        let options = TerminalOptions.resolve(ascii: ascii, noMouse: noMouse, environment: ProcessInfo.processInfo.environment)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(options: options)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
        let backend: any TerminalBackend
        if let probeFile = ProcessInfo.processInfo.environment["ECSROLE_FIRST_FRAME_FILE"] {
            backend = FirstFrameProbe(terminal, file: probeFile)
        } else {
            backend = terminal
        }
        // ECSROLE_TUI_DEMO_CRASH=1 makes "!" trap, to test that a crash still restores the terminal.
        let crashKey = ProcessInfo.processInfo.environment["ECSROLE_TUI_DEMO_CRASH"] == "1"
        let runtime = Runtime(program: DemoProgram(theme: .standard(options), crashKey: crashKey), state: DemoState(size: terminal.size), backend: backend)
        if case .signal(let sig) = runtime.run() { NcursesTerminal.reraise(sig) }
    }
}

/// Wraps a backend and writes the wall-clock time (ns since the epoch) of the first flushed frame
/// to a file: `scripts/bench-tui.sh` measures launch-to-first-frame with it.
final class FirstFrameProbe: TerminalBackend {
    let inner: any TerminalBackend
    let file: String
    private var written = false

    init(_ inner: any TerminalBackend, file: String) {
        self.inner = inner
        self.file = file
    }

    var size: Size { inner.size }
    var options: TerminalOptions { inner.options }
    var pendingTerminationSignal: Int32? { inner.pendingTerminationSignal }
    func readEvent(timeout: Double) -> InputEvent? { inner.readEvent(timeout: timeout) }
    func suspend() { inner.suspend() }
    func resume() { inner.resume() }
    func restore() { inner.restore() }

    func draw(_ frame: ScreenBuffer, diff: BufferDiff) {
        inner.draw(frame, diff: diff)
        guard !written else { return }
        written = true
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        try? "\(Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec))\n".write(toFile: file, atomically: false, encoding: .utf8)
    }
}
