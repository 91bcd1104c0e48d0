import ArgumentParser

// Before anything else: `lint` parses the action catalog on a second core while it starts up.
CatalogPrewarm.startIfLinting(CommandLine.arguments)

// Top-level code resolves `ECSRole.main()` to ParsableCommand's sync overload, which cannot run async
// subcommands; inside an async function the async overload wins.
await ECSRole.runAsync()
