import TUIKit

/// The wizard's key table (also the source of the help bar and the `?` screen) and the routing of
/// input events: while a text field has the keyboard, printable keys edit it instead.
public enum WizardKeys {
    /// Keys active when no text field, dialog or help screen is open.
    public static let globalMap: KeyMap<WizardAction> = {
        var m = KeyMap<WizardAction>()
        m.bind([.init(.up), .char("k")], .move(-1), help: "", group: "Move")
        m.bind([.init(.down), .char("j")], .move(1), help: "move", group: "Move")
        m.add(KeyBinding([.init(.pageDown)], .pageDown, help: "", detail: "Page down", group: "Move"))
        m.add(KeyBinding([.init(.pageUp)], .pageUp, help: "", detail: "Page up", group: "Move"))
        m.add(KeyBinding([.init(.home), .char("g")], .top, help: "", detail: "First row", group: "Move"))
        m.add(KeyBinding([.init(.end), .char("G")], .bottom, help: "", detail: "Last row", group: "Move"))
        m.add(KeyBinding([.char("]"), .ctrl("n")], .nextStep, help: "next step", detail: "Next step (nothing is lost)", group: "Steps"))
        m.add(KeyBinding([.char("["), .ctrl("p")], .previousStep, help: "", detail: "Previous step (Back keeps everything)", group: "Steps"))
        m.add(KeyBinding([.init(.left), .char("h")], .focusSteps, help: "", detail: "Focus the step list", group: "Steps"))
        m.add(KeyBinding([.init(.right), .char("l")], .focusPicker, help: "", detail: "Focus the step's list", group: "Steps"))
        for (i, step) in WizardStep.allCases.enumerated() {
            m.add(KeyBinding([.char(Character(String(i + 1)))], .goTo(step), help: "", detail: "Go to \(step.title)", inHelpBar: false, group: "Steps"))
        }
        m.add(KeyBinding([.char(" ")], .toggle, help: "tick", detail: "Tick / untick the row", group: "Choose"))
        m.add(KeyBinding([.init(.enter)], .activate, help: "", detail: "Edit the setting / tick the row", group: "Choose"))
        m.add(KeyBinding([.char("a")], .toggleAll, help: "all/none", detail: "Select all shown (filtered) items, or none when all are", group: "Choose"))
        m.add(KeyBinding([.char("/")], .startFilter, help: "filter", detail: "Fuzzy filter the list", group: "Choose"))
        m.add(KeyBinding([.char("+")], .command("+"), help: "", detail: "Add an entry not in the inventory", group: "Choose"))
        m.add(KeyBinding([.char("x")], .command("x"), help: "", detail: "Remove an added entry", group: "Choose"))
        for (c, d) in [("p", "Images: pull-through cache on/off"), ("o", "Images: pull-through may create the repository"),
                       ("c", "Logs: awslogs-create-group on/off"), ("s", "Logs: stream prefix"),
                       ("J", "Secrets: JSON key"), ("v", "Secrets: version stage / Keys: ViaService on/off"), ("e", "Secrets: env var name")] {
            m.add(KeyBinding([.char(Character(c))], .command(Character(c)), help: "", detail: d, inHelpBar: false, group: "Step commands"))
        }
        m.add(KeyBinding([.char("u"), .ctrl("z")], .undo, help: "undo", detail: "Undo (C-z where the terminal passes it)", group: "History"))
        m.add(KeyBinding([.ctrl("r"), .ctrl("y")], .redo, help: "", detail: "Redo", group: "History"))
        m.add(KeyBinding([.init(.tab)], .cycleDocument(1), help: "next file", detail: "Preview: next file (trust policy, each format)", group: "Preview"))
        m.add(KeyBinding([.init(.backTab)], .cycleDocument(-1), help: "", detail: "Preview: previous file", group: "Preview"))
        m.add(KeyBinding([.char("}")], .scrollPreview(3), help: "", detail: "Preview: scroll down", group: "Preview"))
        m.add(KeyBinding([.char("{")], .scrollPreview(-3), help: "", detail: "Preview: scroll up", group: "Preview"))
        m.add(KeyBinding([.char("d")], .toggleDiff, help: "", detail: "Preview: diff against the file already on disk", group: "Preview"))
        m.add(KeyBinding([.char("R")], .refresh, help: "", detail: "Read the live account / inventory file again", group: "Choose"))
        m.add(KeyBinding([.char("f")], .jumpToFinding, help: "", detail: "Go to the step where the most severe finding is fixed", group: "Findings"))
        m.add(KeyBinding([.char("w")], .write, help: "write", detail: "Write the files (asks before replacing)", group: "Files"))
        m.add(KeyBinding([.ctrl("s")], .saveSpec, help: "", detail: "Save the spec (ecsrole.json) into the directory", group: "Files"))
        m.add(KeyBinding([.init(.escape)], .cancel, help: "", detail: "Close / clear the filter / back to the steps", group: "Other"))
        m.add(KeyBinding([.char("q")], .quit, help: "quit", detail: "Quit (the draft is kept and offered next time)", group: "Other"))
        m.add(KeyBinding([.char("?")], .openHelp, help: "help", detail: "Search settings and keys", group: "Other"))
        return m
    }()

    /// Keys while a text field (filter, prompt, help search) has the keyboard.
    public static let textMap: KeyMap<WizardAction> = {
        var m = KeyMap<WizardAction>()
        m.add(KeyBinding([.init(.enter)], .submit, help: "ok"))
        m.add(KeyBinding([.init(.escape)], .cancel, help: "cancel"))
        m.add(KeyBinding([.init(.up)], .move(-1), help: ""))
        m.add(KeyBinding([.init(.down)], .move(1), help: ""))
        return m
    }()

    /// Keys while a dialog is open.
    public static let dialogMap: KeyMap<WizardAction> = {
        var m = KeyMap<WizardAction>()
        m.add(KeyBinding([.init(.left), .init(.tab), .char("h")], .dialogMove(-1), help: "choose"))
        m.add(KeyBinding([.init(.right), .init(.backTab), .char("l")], .dialogMove(1), help: ""))
        m.add(KeyBinding([.init(.enter)], .activate, help: "ok"))
        m.add(KeyBinding([.char("y")], .dialogChoose(0), help: "yes"))
        m.add(KeyBinding([.char("n"), .init(.escape)], .dialogChoose(1), help: "no"))
        return m
    }()

    /// Whether a text field currently takes printable keys.
    static func editing(_ s: WizardState) -> Bool { s.help != nil || s.prompt != nil || s.filterField != nil }

    /// The map the help bar shows for `state`.
    public static func map(for s: WizardState) -> KeyMap<WizardAction> {
        if s.dialog != nil { return dialogMap }
        if editing(s) { return textMap }
        return globalMap
    }

    /// Turns an input event into an action for `state`.
    public static func action(for event: InputEvent, state s: WizardState) -> WizardAction? {
        switch event {
        case .key(let k):
            if s.dialog != nil { return dialogMap.action(for: k) }
            if editing(s) {
                if let a = textMap.action(for: k) {
                    // In a filter, ↑↓ leave the field and move in the list.
                    if case .move = a, s.filterField != nil, s.help == nil, s.prompt == nil { return a }
                    return a
                }
                if k == .ctrl("c") { return .cancel }
                return .edit(k)
            }
            return globalMap.action(for: k)
        case .paste(let p): return .paste(p.text)
        case .mouse(let m): return .mouse(m)
        case .resize(let size): return .resized(size)
        case .endOfInput: return nil
        }
    }
}
