import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The `ecsrole` command: with no subcommand it opens the wizard.
struct ECSRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsrole",
        abstract: "Least-privilege ECS task execution roles: generate, lint, simulate and explain.",
        subcommands: [WizardCommand.self, GenerateCommand.self, LintCommand.self, NeedsCommand.self, SimulateCommand.self,
                      BlastRadiusCommand.self, DiagnoseCommand.self, ExplainCommand.self, RulesCommand.self,
                      InventoryCommand.self, TUIDemoCommand.self],
        defaultSubcommand: WizardCommand.self
    )
}

extension ECSRole {
    /// Entry point for main.swift. A plain top-level `await ECSRole.main()` picks the synchronous
    /// overload, which cannot run async subcommands; and ArgumentParser exits usage errors with
    /// EX_USAGE (64) while ecsrole promises 2 for every kind of bad input.
    /// On the main actor: synchronous commands (the terminal UI) then run on the main thread, which
    /// blocks no signals, instead of a cooperative-pool thread that blocks nearly all of them.
    @MainActor
    static func runAsync() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Glibc.exit(code.rawValue == ExitCode.validationFailure.rawValue ? 2 : code.rawValue)
        }
    }
}
