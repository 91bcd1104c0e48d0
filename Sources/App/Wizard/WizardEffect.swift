/// I/O the wizard asks for. The reducer returns these as plain values (so tests can compare them);
/// `WizardIO` performs them and answers with an action.
public enum WizardEffect: Equatable, Sendable {
    /// Atomically replace the draft file.
    case saveDraft(path: String, contents: String)
    case deleteDraft(path: String)
    /// Read the named files in `dir` (missing ones are left out) → `.existingLoaded`.
    case readExisting(dir: String, names: [String])
    /// Write every item at once → `.filesWritten`.
    case writeFiles(dir: String, items: [FileSetWriter.Item], overwrite: Bool)
    /// Write the spec file only → `.specSaved`.
    case saveSpec(path: String, contents: String)
    /// Load choices from another source → `.sourceLoaded` / `.sourceFailed`.
    case loadSource(ChoiceSource, path: String?)
    case quit
}
