import App
import ArgumentParser
import ExecRoleKit
import Foundation
import NcursesBackend
import TUIKit

/// `ecsrole wizard` (the default command): the guided, least-privilege execution-role builder.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Build an execution role step by step (the default command).",
        discussion: """
        Without credentials the built-in demo account supplies the pick lists (marked DEMO on screen).
        Every change is autosaved to $XDG_STATE_HOME/ecsrole/draft.json (default
        ~/.local/state/ecsrole/draft.json) and offered for resumption at the next start.
        """
    )

    @Option(name: .long, help: "Pick lists from an inventory file (`ecsrole inventory` output).")
    var inventory: String?
    @Option(name: .long, help: "Start from a task definition's needs.")
    var taskdef: String?
    @Option(name: .long, help: "Start from a saved ecsrole.json spec.")
    var spec: String?
    @Flag(name: .long, help: "Use the built-in demo account.")
    var demo = false
    @Option(name: .long, help: "Output directory (default ./ecsrole-out).")
    var out: String?
    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false
    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.")
    var noMouse = false
    @Flag(name: .customLong("no-color"), help: "No colours (as NO_COLOR=1).")
    var noColor = false
    @Option(name: .long, help: .hidden)
    var draft: String?
    @Flag(name: .long, help: .hidden)
    var bench = false

    func run() throws {
        if bench {
            let r = WizardBenchmark.run()
            print(r.report)
            return
        }
        var state: WizardState
        do { state = try initialState() } catch let e as WizardIOError {
            CLI.eprint("ecsrole: \(e.message)")
            throw ExitCode(2)
        }
        var options = TerminalOptions.resolve(ascii: ascii, noMouse: noMouse, environment: ProcessInfo.processInfo.environment)
        if noColor { options.noColor = true }
        let terminal: NcursesTerminal
        do { terminal = try NcursesTerminal(options: options) } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
        state.size = terminal.size
        let runtime = Runtime(program: WizardProgram(theme: .standard(options)), state: state, backend: terminal)
        let outcome = runtime.run()
        if case .signal(let sig) = outcome { NcursesTerminal.reraise(sig) }
        let final = runtime.state
        if final.written { print("ecsrole: wrote the role files to \(final.choices.outDir)") }
    }

    /// The state to start in: pick lists from the chosen source, choices from --spec/--taskdef,
    /// and the resume offer when a draft is found.
    func initialState() throws -> WizardState {
        // Live AWS (AWSKit) is wired by the lead; until then the demo is the default without --inventory.
        let inv = try inventory.map(WizardIO.readInventory) ?? DemoAccount.inventory()
        var state = WizardState.start(inventory: inv)
        if inventory != nil { state.source = .file; state.sourcePath = inventory }
        if let taskdef {
            state.spec = try WizardIO.readTaskDefinition(taskdef, fallback: inv)
            state.source = .taskdef; state.sourcePath = taskdef
        } else if let spec {
            state.spec = try WizardIO.readSpec(spec)
            state.source = .spec; state.sourcePath = spec
        }
        if let out { state.choices.outDir = out }
        state.refreshOutput(previous: nil)
        let path = draft ?? WizardDraft.defaultPath(environment: ProcessInfo.processInfo.environment)
        state.draftPath = path
        if let data = FileManager.default.contents(atPath: path), let d = WizardDraft.decode(String(decoding: data, as: UTF8.self)) {
            state.dialog = .resume(d)
        }
        return state
    }
}
