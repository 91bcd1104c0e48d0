import ExecRoleKit
import TUIKit

/// Everything that can happen to the wizard: user intents (from keys and mouse) and results of effects.
public enum WizardAction: Sendable {
    // Navigation
    case move(Int), pageDown, pageUp, top, bottom
    case nextStep, previousStep, goTo(WizardStep)
    case focusSteps, focusPicker
    // Choosing
    case toggle, toggleAll, activate
    /// A step-specific command on the focused row (p, c, s, k, v, e, x …).
    case command(Character)
    // Text entry (filter, prompts, help search)
    case startFilter, edit(KeyEvent), paste(String), submit, cancel
    // History
    case undo, redo
    // Right pane
    case cycleDocument(Int), scrollPreview(Int), toggleDiff
    /// Go to the step of the most severe finding (its fix shows on the status line).
    case jumpToFinding
    // Help
    case openHelp, helpMove(Int)
    // Whole-program
    case write, saveSpec, quit
    /// Read the current source again (live account or inventory file): `R`.
    case refresh
    case dialogMove(Int), dialogChoose(Int?)
    case mouse(MouseEvent)
    case resized(Size)
    // Effect results
    case existingLoaded([String: String])
    case filesWritten(Result<[String], WizardIOError>)
    case specSaved(Result<String, WizardIOError>)
    case sourceLoaded(WizardSourceLoad)
    case sourceFailed(String)
    case draftSaved
}

/// A failed I/O effect, as a message for the status line.
public struct WizardIOError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What loading a choice source produced: an inventory to pick from, and a spec when the source
/// carries choices (a task definition or saved spec).
public struct WizardSourceLoad: Sendable {
    public var source: ChoiceSource
    public var path: String?
    /// The new pick lists; nil keeps the current ones (a spec or task definition brings only choices).
    public var inventory: Inventory?
    public var spec: RoleSpec?
    public init(source: ChoiceSource, path: String?, inventory: Inventory?, spec: RoleSpec? = nil) {
        self.source = source; self.path = path; self.inventory = inventory; self.spec = spec
    }
}
