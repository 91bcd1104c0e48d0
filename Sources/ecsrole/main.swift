import ArgumentParser

// Before anything else: a large `lint` parses the action catalog on a second core while it starts
// up, and grows the C heap in large steps (`LintStartup`).
LintStartup.prepare(CommandLine.arguments)

// Top-level code resolves `ECSRole.main()` to ParsableCommand's sync overload, which cannot run async
// subcommands; inside an async function the async overload wins.
await ECSRole.runAsync()
