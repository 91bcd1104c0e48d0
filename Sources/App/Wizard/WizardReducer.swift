import ExecRoleKit
import TUIKit

/// The wizard's reducer: `(state, action) → effects`. Pure: no files, no clock, no terminal.
///
/// After every action it compares the choices with their value before: a change is recorded for
/// undo, regenerates the output (marking changed lines) and the findings, and asks for a draft
/// save. So no individual case has to remember any of that.
public enum WizardReducer {
    /// How many changes undo remembers.
    public static let historyLimit = 500

    public static func reduce(_ s: inout WizardState, _ action: WizardAction) -> [WizardEffect] {
        let before = s.choices
        var effects = dispatch(&s, action)
        // Any source read in flight shows the progress indicator until its result arrives.
        for case .loadSource(let src, _) in effects { s.loading = src.label }
        switch action {
        case .sourceLoaded, .sourceFailed: s.loading = nil
        default: break
        }
        if s.choices != before {
            switch action {
            case .undo, .redo: break
            default:
                s.undoStack.append(before)
                if s.undoStack.count > historyLimit { s.undoStack.removeFirst() }
                s.redoStack.removeAll()
            }
            if s.choices.outDir != before.outDir { s.existing = nil }
            s.refreshOutput(previous: s.output)
            if let p = s.draftPath { effects.append(.saveDraft(path: p, contents: WizardDraft.encode(s))) }
        }
        return effects
    }

    static func dispatch(_ s: inout WizardState, _ action: WizardAction) -> [WizardEffect] {
        let viewport = WizardLayout(s.size).pickerViewport
        switch action {
        case .move(let d):
            if s.help != nil { return helpMove(&s, d) }
            if s.dialog != nil { return dialogMove(&s, d) }
            if s.focus == .steps { return goTo(&s, WizardStep(rawValue: min(max(0, s.step.rawValue + d), WizardStep.allCases.count - 1))!, focus: .steps) }
            let n = WizardPicker(s).count
            s.list.move(by: d, count: n, height: viewport)
        case .pageDown: s.list.move(by: viewport, count: WizardPicker(s).count, height: viewport)
        case .pageUp: s.list.move(by: -viewport, count: WizardPicker(s).count, height: viewport)
        case .top: s.list.jump(to: 0, count: WizardPicker(s).count, height: viewport)
        case .bottom: s.list.jump(to: WizardPicker(s).count - 1, count: WizardPicker(s).count, height: viewport)
        case .nextStep: return goTo(&s, WizardStep(rawValue: s.step.rawValue + 1) ?? s.step, focus: s.focus)
        case .previousStep: return goTo(&s, WizardStep(rawValue: s.step.rawValue - 1) ?? s.step, focus: s.focus)
        case .goTo(let step): return goTo(&s, step, focus: .picker)
        case .focusSteps: s.focus = .steps
        case .focusPicker: s.focus = .picker
        case .toggle:
            if s.focus == .steps { s.focus = .picker; return [] }
            return WizardChoices.toggle(&s)
        case .toggleAll: WizardChoices.toggleAll(&s)
        case .activate:
            if s.dialog != nil { return dialogChoose(&s, nil) }
            if s.focus == .steps { s.focus = .picker; return [] }
            return WizardChoices.activate(&s)
        case .command(let c): return WizardChoices.command(&s, c)
        case .startFilter:
            guard s.filters[s.step] != nil else {
                s.status = WizardStatus("This step has no list to filter.", .warning)
                return []
            }
            s.focus = .picker
            s.filterField = TextFieldState(s.filters[s.step]?.query ?? "")
        case .edit(let key): editText(&s, key)
        case .paste(let text): paste(&s, text)
        case .submit: return submit(&s)
        case .cancel: cancel(&s)
        case .undo:
            guard let prev = s.undoStack.popLast() else { s.status = WizardStatus("Nothing to undo."); return [] }
            s.redoStack.append(s.choices)
            s.choices = prev
            s.status = WizardStatus("Undone (\(s.undoStack.count) more).")
        case .redo:
            guard let next = s.redoStack.popLast() else { s.status = WizardStatus("Nothing to redo."); return [] }
            s.undoStack.append(s.choices)
            s.choices = next
            s.status = WizardStatus("Redone.")
        case .cycleDocument(let d):
            let n = max(1, s.output.files.count)
            s.previewIndex = ((s.previewIndex + d) % n + n) % n
            s.previewScroll = 0
        case .scrollPreview(let d): s.previewScroll = max(0, s.previewScroll + d)
        case .toggleDiff:
            s.showDiff.toggle()
            if s.showDiff, s.existing == nil { return [.readExisting(dir: s.choices.outDir, names: s.output.files.map(\.name))] }
        case .jumpToFinding:
            guard let f = s.findings.first(where: { $0.step != nil }) else { s.status = WizardStatus("No findings."); return [] }
            s.status = WizardStatus(f.fix ?? f.message, f.severity == .error ? .error : f.severity == .warning ? .warning : .info)
            return goTo(&s, f.step!, focus: .picker)
        case .openHelp: s.help = WizardState.Help()
        case .helpMove(let d): return helpMove(&s, d)
        case .write: return WizardChoices.write(&s)
        case .saveSpec:
            return [.saveSpec(path: s.choices.outDir + "/" + OutputNames.specFile, contents: SpecCoding.text(s.spec))]
        case .quit:
            if s.help != nil || s.prompt != nil || s.filterField != nil { cancel(&s); return [] }
            return [.quit]
        case .dialogMove(let d): return dialogMove(&s, d)
        case .dialogChoose(let i): return dialogChoose(&s, i)
        case .mouse(let m): return WizardMouse.handle(&s, m)
        case .resized(let size): s.size = size
        case .existingLoaded(let files):
            s.existing = files
            if s.pendingWrite { s.pendingWrite = false; return WizardChoices.finishWrite(&s) }
        case .filesWritten(let r):
            switch r {
            case .success(let names):
                s.written = true
                s.existing = nil
                s.status = WizardStatus("Wrote \(names.count) files to \(s.choices.outDir): \(names.joined(separator: ", "))", .success)
                if let p = s.draftPath { return [.deleteDraft(path: p)] }
            case .failure(let e): s.status = WizardStatus("Not written: \(e.message)", .error)
            }
        case .specSaved(let r):
            switch r {
            case .success(let path): s.status = WizardStatus("Saved the spec to \(path).", .success)
            case .failure(let e): s.status = WizardStatus("Spec not saved: \(e.message)", .error)
            }
        case .sourceLoaded(let load): WizardChoices.applySource(&s, load)
        case .refresh:
            guard s.loading == nil else { return [] }
            switch s.source {
            case .live, .file, .demo:
                s.status = WizardStatus("Reading the \(s.source.label)…", .info)
                return [.loadSource(s.source, path: s.sourcePath)]
            case .taskdef, .spec:
                s.status = WizardStatus("Refresh reads the live account or an inventory file; choose one on the Service step.", .warning)
            }
        case .sourceFailed(let message): s.status = WizardStatus(message, .error)
        case .draftSaved: break
        }
        return []
    }

    static func goTo(_ s: inout WizardState, _ step: WizardStep, focus: WizardFocus) -> [WizardEffect] {
        s.filterField = nil
        s.step = step
        s.focus = focus
        // Entering the review reads what is already in the directory, for the new/changed marks.
        if step == .review, s.existing == nil { return [.readExisting(dir: s.choices.outDir, names: s.output.files.map(\.name))] }
        return []
    }

    static func editText(_ s: inout WizardState, _ key: KeyEvent) {
        if s.help != nil {
            s.help!.field.handle(key)
            s.help!.cursor = 0
        } else if s.prompt != nil {
            s.prompt!.field.handle(key)
        } else if s.filterField != nil {
            s.filterField!.handle(key)
            applyFilter(&s)
        }
    }

    static func paste(_ s: inout WizardState, _ text: String) {
        if s.help != nil { s.help!.field.insert(text) }
        else if s.prompt != nil { s.prompt!.field.insert(text) }
        else if s.filterField != nil { s.filterField!.insert(text); applyFilter(&s) }
        else if [.images, .secrets, .keys].contains(s.step) {
            // Pasting an ARN or image URI onto a list adds it, as if typed into the add prompt.
            let target: PromptTarget = s.step == .images ? .addImage : s.step == .keys ? .addKey : text.contains(":ssm:") || text.hasPrefix("/") ? .addParameter : .addSecret
            WizardChoices.applyPrompt(&s, target, text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func applyFilter(_ s: inout WizardState) {
        guard let q = s.filterField?.text else { return }
        s.filters[s.step]?.setQuery(q)
        let n = WizardPicker(s).count
        // Land on the first match, not on the fixed rows above the list.
        let first = WizardPicker(s).itemRows.lowerBound
        s.list.jump(to: q.isEmpty ? s.list.cursor : first, count: n, height: WizardLayout(s.size).pickerViewport)
    }

    static func submit(_ s: inout WizardState) -> [WizardEffect] {
        if s.dialog != nil { return dialogChoose(&s, nil) }
        if let h = s.help {
            let hits = WizardHelp.search(h.field.text)
            s.help = nil
            guard h.cursor < hits.count else { return [] }
            return WizardHelp.jump(&s, to: hits[h.cursor])
        }
        if let p = s.prompt {
            s.prompt = nil
            return WizardChoices.applyPrompt(&s, p.target, p.field.text)
        }
        if s.filterField != nil { s.filterField = nil }
        return []
    }

    static func cancel(_ s: inout WizardState) {
        if s.dialog != nil { _ = dialogChoose(&s, -1); return }
        if s.help != nil { s.help = nil; return }
        if s.prompt != nil { s.prompt = nil; return }
        if s.filterField != nil {
            // Esc on the filter clears it; the selection is kept (it lives in the spec).
            s.filterField = nil
            s.filters[s.step]?.setQuery("")
            return
        }
        if s.showDiff { s.showDiff = false; return }
        s.focus = .steps
    }

    static func helpMove(_ s: inout WizardState, _ d: Int) -> [WizardEffect] {
        guard let h = s.help else { return [] }
        let n = WizardHelp.search(h.field.text).count
        s.help!.cursor = max(0, min(n - 1, h.cursor + d))
        return []
    }

    static func dialogMove(_ s: inout WizardState, _ d: Int) -> [WizardEffect] {
        s.dialogButton = max(0, min(1, s.dialogButton + d))
        return []
    }

    /// Answers the open dialog: button `index` (nil: the highlighted one, -1: Esc = the safe choice).
    static func dialogChoose(_ s: inout WizardState, _ index: Int?) -> [WizardEffect] {
        guard let d = s.dialog else { return [] }
        let b = index ?? s.dialogButton
        s.dialog = nil
        s.dialogButton = 0
        switch d {
        case .resume(let draft):
            if b == 0 {
                s.choices = draft.choices
                s.step = draft.step
                s.status = WizardStatus("Resumed the draft.", .success)
            } else {
                s.status = WizardStatus("Started fresh; the old draft is replaced on the first change.")
            }
        case .overwrite:
            if b == 0 {
                return [.writeFiles(dir: s.choices.outDir, items: WizardOutput.items(for: s.choices), overwrite: true)]
            }
            s.status = WizardStatus("Nothing written.", .warning)
        }
        return []
    }
}

extension WizardState {
    /// Regenerates files and findings from the choices, marking lines changed against `previous`.
    public mutating func refreshOutput(previous: WizardOutput?) {
        output = WizardOutput.make(choices, previous: previous)
        findings = findingsSource.findings(spec: spec, output: output)
        if previewIndex >= output.files.count { previewIndex = 0 }
    }
}
