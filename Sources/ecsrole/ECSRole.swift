import ArgumentParser

/// The `ecsrole` command: with no subcommand it opens the wizard.
struct ECSRole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsrole",
        abstract: "Least-privilege ECS task execution roles: generate, lint, simulate and explain.",
        subcommands: [WizardCommand.self, GenerateCommand.self, TUIDemoCommand.self],
        defaultSubcommand: WizardCommand.self
    )
}
