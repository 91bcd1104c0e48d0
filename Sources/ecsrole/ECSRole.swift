import ArgumentParser

/// The `ecsrole` command: with no subcommand it opens the wizard.
struct ECSRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecsrole",
        abstract: "Least-privilege ECS task execution roles: generate, lint, simulate and explain.",
        subcommands: [InventoryCommand.self]
    )
}

extension ECSRole {
    /// Entry point for main.swift: picks AsyncParsableCommand's `main() async`.
    static func runAsync() async { await main() }
}
