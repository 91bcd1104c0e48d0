import TUIKit

/// Mouse handling: click focuses and selects what was drawn at that cell (using the same layout
/// as the view), a click on a checkbox ticks it, the wheel scrolls.
enum WizardMouse {
    static func handle(_ s: inout WizardState, _ m: MouseEvent) -> [WizardEffect] {
        guard s.dialog == nil, s.help == nil, s.prompt == nil else { return [] }
        let l = WizardLayout(s.size)
        let viewport = l.pickerViewport
        switch m.kind {
        case .scrollUp, .scrollDown:
            let d = m.kind == .scrollUp ? -3 : 3
            if l.preview.contains(x: m.x, y: m.y) { s.previewScroll = max(0, s.previewScroll + d) }
            else { s.list.scroll(by: d, count: WizardPicker(s).count, height: viewport) }
            return []
        case .click, .press, .doubleClick:
            if l.steps.inset(by: 1).contains(x: m.x, y: m.y), let step = WizardStep(rawValue: m.y - l.steps.y - 1) {
                return WizardReducer.goTo(&s, step, focus: .picker)
            }
            if l.pickerList.contains(x: m.x, y: m.y), m.y - l.pickerList.y < viewport {
                let picker = WizardPicker(s)
                let offset = s.list.visibleOffset(height: viewport, count: picker.count)
                let row = offset + (m.y - l.pickerList.y)
                guard row < picker.count else { return [] }
                s.focus = .picker
                s.filterField = nil
                s.list.jump(to: row, count: picker.count, height: viewport)
                // The checkbox column ("› [ ] ") or a double click ticks; a plain click only selects the row.
                let onBox = m.x - l.pickerList.x >= 2 && m.x - l.pickerList.x <= 4
                if onBox || m.kind == .doubleClick { return WizardChoices.toggle(&s) }
                return []
            }
            if l.findings.inset(by: 1).contains(x: m.x, y: m.y) {
                let i = m.y - l.findings.y - 1
                if i < s.findings.count, let step = s.findings[i].step {
                    let f = s.findings[i]
                    s.status = WizardStatus(f.fix ?? f.message, f.severity == .error ? .error : f.severity == .warning ? .warning : .info)
                    return WizardReducer.goTo(&s, step, focus: .picker)
                }
            }
            if l.preview.inset(by: 1).contains(x: m.x, y: m.y), m.y == l.preview.y + 1 {
                s.previewIndex = (s.previewIndex + 1) % max(1, s.output.files.count)
            }
            return []
        default:
            return []
        }
    }
}
