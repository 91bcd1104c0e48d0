import ArgumentParser

// Top-level code resolves `ECSRole.main()` to ParsableCommand's sync overload, which cannot run async
// subcommands; inside an async function the async overload wins.
await ECSRole.runAsync()
