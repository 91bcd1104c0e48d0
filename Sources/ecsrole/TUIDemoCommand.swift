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
        let runtime = Runtime(program: DemoProgram(theme: .standard(options)), state: DemoState(size: terminal.size), backend: terminal)
        if case .signal(let sig) = runtime.run() { NcursesTerminal.reraise(sig) }
    }
}
