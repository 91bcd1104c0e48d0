import TUIKit

/// The hidden `ecsrole tui-demo` program: exercises the wizard's layout with a 60,000-item picker,
/// `/` fuzzy filter, a live policy code view and a findings list. No I/O: everything is state.
public struct DemoProgram: Program {
    public enum Action: Sendable, Equatable {
        case move(Int), page(Int), top, bottom
        case toggle, toggleAll
        case focusNext, focusPrevious
        case startFilter, filterKey(KeyEvent), filterPaste(String), acceptFilter, cancelFilter
        case openFinding
        case toggleHelp
        case resized(Size)
        case mouse(MouseEvent)
        case clearToast
        /// A key with no binding: shown in the status line (lets tmux tests check key decoding).
        case unbound(KeyEvent)
        case quit
    }
    public typealias State = DemoState

    public let theme: Theme
    /// Test hook: "!" traps, so tmux tests can check that a crash restores the terminal.
    public let crashKey: Bool

    public init(theme: Theme = Theme(), crashKey: Bool = false) {
        self.theme = theme
        self.crashKey = crashKey
    }

    public var minimumSize: Size { Size(width: 60, height: 16) }

    public func keyMap(for state: DemoState) -> KeyMap<Action> {
        var m = KeyMap<Action>()
        if state.showHelp {
            m.bind([.char("?"), KeyEvent(.escape), .char("q")], .toggleHelp, help: "close help")
            return m
        }
        m.bind([KeyEvent(.up), .char("k")], .move(-1), help: "up", inHelpBar: false, group: "Move")
        m.bind([KeyEvent(.down), .char("j")], .move(1), help: "down", inHelpBar: false, group: "Move")
        m.bind([KeyEvent(.pageUp)], .page(-1), help: "page up", inHelpBar: false, group: "Move")
        m.bind([KeyEvent(.pageDown)], .page(1), help: "page down", inHelpBar: false, group: "Move")
        m.bind([.char("g"), KeyEvent(.home)], .top, help: "first", inHelpBar: false, group: "Move")
        m.bind([.char("G"), KeyEvent(.end)], .bottom, help: "last", inHelpBar: false, group: "Move")
        m.bind([KeyEvent(.tab)], .focusNext, help: "next pane", group: "Panes")
        m.bind([KeyEvent(.backTab, modifiers: .shift)], .focusPrevious, help: "previous pane", inHelpBar: false, group: "Panes")
        m.bind([.char("/")], .startFilter, help: "filter", group: "Picker")
        m.bind([.char(" ")], .toggle, help: "toggle", group: "Picker")
        m.bind([.char("a")], .toggleAll, help: "all/none", group: "Picker")
        m.bind([KeyEvent(.enter)], .openFinding, help: "jump to line", inHelpBar: state.focus == .findings, group: "Findings")
        m.bind([.char("?")], .toggleHelp, help: "help", group: "General")
        m.bind([.char("q")], .quit, help: "quit", group: "General")
        return m
    }

    public func action(for event: InputEvent, state: DemoState) -> Action? {
        switch event {
        case .key(let k):
            if state.filtering, !state.showHelp {
                if k.key == .escape { return .cancelFilter }
                if k.key == .enter { return .acceptFilter }
                if k.key == .up || k.key == .down { return .move(k.key == .up ? -1 : 1) }
                return .filterKey(k)
            }
            if k.key == .escape, !state.query.characters.isEmpty { return .cancelFilter }
            if k == .ctrl("c") { return nil }  // leave Ctrl-C to the runtime (quit)
            if crashKey, k == .char("!") { fatalError("tui-demo: crash requested") }
            return keyMap(for: state).action(for: k) ?? .unbound(k)
        case .paste(let p): return state.filtering ? .filterPaste(p.text) : nil
        case .resize(let s): return .resized(s)
        case .mouse(let m): return .mouse(m)
        case .endOfInput: return nil
        }
    }

    public func reduce(_ s: inout DemoState, _ action: Action) -> [Effect<Action>] {
        let count = s.filter.matchCount
        switch action {
        case .quit: return [.quit]
        case .move(let d): move(&s, by: d)
        case .page(let d): move(&s, by: d * max(1, s.focus == .findings ? 3 : s.pickerHeight - 1))
        case .top: move(&s, by: -Int(Int32.max))
        case .bottom: move(&s, by: Int(Int32.max))
        case .toggle:
            guard s.focus == .picker, count > 0 else { return [] }
            let id = Int(s.filter.matches[min(s.list.cursor, count - 1)])
            s.list.toggle(id)
            updatePolicy(&s)
            let verb = s.list.selected.contains(id) ? "added" : "removed"
            s.toast = "\(verb) \(s.filter.index.items[id])"
            return [.after(2, id: "toast", send: .clearToast)]
        case .toggleAll:
            guard s.focus == .picker else { return [] }
            // Bounded so "all" on 60,000 items stays a sane policy; the real wizard decides its own rule.
            s.list.toggleAll(s.filter.matches.prefix(200).map(Int.init))
            updatePolicy(&s)
        case .focusNext: s.focus = DemoState.Pane(rawValue: (s.focus.rawValue + 1) % 3)!
        case .focusPrevious: s.focus = DemoState.Pane(rawValue: (s.focus.rawValue + 2) % 3)!
        case .startFilter:
            s.focus = .picker
            s.filtering = true
        case .filterKey(let k):
            if s.query.handle(k) { applyQuery(&s) }
        case .filterPaste(let text):
            s.query.insert(text)
            applyQuery(&s)
        case .acceptFilter: s.filtering = false
        case .cancelFilter:
            s.filtering = false
            s.query.setText("")
            applyQuery(&s)
        case .openFinding:
            guard s.focus == .findings, !s.findings.isEmpty else { return [] }
            s.highlightedLine = s.findings[s.findingsList.cursor].line
        case .toggleHelp: s.showHelp.toggle()
        case .resized(let size):
            s.size = size
            s.list.scrollToCursor(height: s.pickerHeight)
        case .mouse(let m): mouse(&s, m)
        case .clearToast: s.toast = nil
        case .unbound(let k): s.lastUnboundKey = k.description
        }
        return []
    }

    private func move(_ s: inout DemoState, by d: Int) {
        switch s.focus {
        case .picker: s.list.move(by: d, count: s.filter.matchCount, height: s.pickerHeight)
        case .findings: s.findingsList.move(by: d, count: s.findings.count, height: 5)
        case .policy: s.policyScroll = max(0, min(s.policyLines.count - 1, s.policyScroll + max(-1000, min(1000, d))))
        }
    }

    private func applyQuery(_ s: inout DemoState) {
        s.filter.setQuery(s.query.text)
        s.list.cursor = 0
        s.list.offset = 0
    }

    private func updatePolicy(_ s: inout DemoState) {
        let actions = s.list.selected.sorted().map { s.filter.index.items[$0] }
        let new = DemoData.policy(for: actions)
        let old = Set(s.policyLines)
        s.changedLines = Set(new.indices.filter { !old.contains(new[$0]) })
        s.policyLines = new
    }

    private func mouse(_ s: inout DemoState, _ m: MouseEvent) {
        s.lastMouse = m
        let layout = DemoLayout(size: s.size, filtering: s.filtering || !s.query.characters.isEmpty)
        let inPicker = layout.picker.contains(x: m.x, y: m.y)
        switch m.kind {
        case .scrollUp, .scrollDown:
            let d = m.kind == .scrollUp ? -3 : 3
            if inPicker { s.list.scroll(by: d, count: s.filter.matchCount, height: s.pickerHeight) }
            else if layout.policy.contains(x: m.x, y: m.y) { s.focus = .policy; move(&s, by: d) }
        case .click, .doubleClick:
            if layout.pickerList.contains(x: m.x, y: m.y) {
                s.focus = .picker
                let off = s.list.visibleOffset(height: s.pickerHeight, count: s.filter.matchCount)
                s.list.jump(to: off + m.y - layout.pickerList.y, count: s.filter.matchCount, height: s.pickerHeight)
            } else if layout.findingsList.contains(x: m.x, y: m.y) {
                s.focus = .findings
                s.findingsList.jump(to: m.y - layout.findingsList.y, count: s.findings.count, height: 5)
                s.highlightedLine = s.findings[s.findingsList.cursor].line
            } else if layout.policy.contains(x: m.x, y: m.y) { s.focus = .policy }
        default: break
        }
    }
}
