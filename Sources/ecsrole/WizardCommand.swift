import App
import AWSKit
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
        With AWS credentials (found as the AWS CLI finds them) the pick lists come from the live account,
        read in the background (metadata only; R reads it again). Without credentials the built-in demo
        account supplies them (marked DEMO on screen).
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
    @Flag(name: .long, help: "Use the built-in demo account even when AWS credentials are present.")
    var demo = false
    @Option(name: .long, help: "AWS profile for the live account.")
    var profile: String?
    @Option(name: .long, help: "AWS region for the live account.")
    var region: String?
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
        let profile = self.profile, region = self.region
        let io = WizardIO(liveLoader: { try await InventoryLoader.live(profile: profile, region: region) })
        let runtime = Runtime(program: WizardProgram(theme: .standard(options), io: io), state: state, backend: terminal)
        // Live: the first frame shows at once, with a progress indicator, while the account is read.
        if state.source == .live { runtime.send(.refresh) }
        let outcome = runtime.run()
        if case .signal(let sig) = outcome { NcursesTerminal.reraise(sig) }
        let final = runtime.state
        if final.written { print("ecsrole: wrote the role files to \(final.choices.outDir)") }
    }

    /// The state to start in: pick lists from the chosen source, choices from --spec/--taskdef,
    /// and the resume offer when a draft is found.
    func initialState() throws -> WizardState {
        // Live when credentials are found (a cheap check, no network) and no other source is named.
        let live = !demo && inventory == nil && AWSEnvironment.hasCredentials(profile: profile)
        let inv: Inventory
        if let inventory { inv = try WizardIO.readInventory(inventory) }
        else if live { inv = Inventory(source: "live", account: "", region: region ?? "") }
        else { inv = DemoAccount.inventory() }
        var state = WizardState.start(inventory: inv)
        if inventory != nil { state.source = .file; state.sourcePath = inventory }
        if live { state.source = .live }
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
