import ExecRoleKit
import TUIKit

/// Draws the wizard: steps and the step's picker on the left with the explain pane under them,
/// the live preview and the findings on the right, status and help at the bottom. Pure.
public struct WizardView {
    public var theme: Theme
    public init(theme: Theme = Theme()) { self.theme = theme }

    public func render(_ s: WizardState, size: Size) -> ScreenBuffer {
        var buf = ScreenBuffer(size: size)
        let l = WizardLayout(size)
        header(s, l.header, &buf)
        steps(s, l.steps, &buf)
        picker(s, l, &buf)
        explain(s, l.explain, &buf)
        preview(s, l.preview, &buf)
        findings(s, l.findings, &buf)
        let st = s.status
        let kind: StatusLine.Kind = st.map { k -> StatusLine.Kind in
            switch k.kind { case .info: return .info; case .success: return .success; case .warning: return .warning; case .error: return .error }
        } ?? .info
        buf.render(StatusLine(message: st?.text ?? "", kind: kind, theme: theme), in: l.status)
        buf.render(HelpBar(keyMap: WizardKeys.map(for: s), theme: theme), in: l.helpBar)
        if let p = s.prompt { promptBox(p, in: buf.area, &buf) }
        if let h = s.help { helpScreen(h, in: buf.area, &buf) }
        if let d = s.dialog { dialog(d, s, in: buf.area, &buf) }
        return buf
    }

    func header(_ s: WizardState, _ r: Rect, _ buf: inout ScreenBuffer) {
        var x = buf.put(" ecsrole ", x: r.x, y: r.y, style: theme.title.reverse, maxX: r.maxX)
        x = buf.put(" execution role wizard", x: x, y: r.y, style: theme.dim, maxX: r.maxX)
        var where_ = "\(s.spec.account ?? "no account") | \(s.spec.region ?? "no region")"
        if let what = s.loading {
            where_ += " | reading \(what)…"
        } else if let at = s.inventoryReadAt, !s.isDemo {
            where_ += " | read \(WizardView.shortTime(at))"
        }
        let badge = s.isDemo ? " DEMO " : " \(s.source.rawValue.uppercased()) "
        let text = badge + " " + where_ + " "
        let start = max(x + 1, r.maxX - DisplayWidth.of(text))
        let bx = buf.put(badge, x: start, y: r.y, style: s.isDemo ? theme.warning.reverse : theme.key.reverse, maxX: r.maxX)
        buf.put(" " + where_, x: bx, y: r.y, style: theme.text, maxX: r.maxX)
    }

    func count(_ s: WizardState, _ step: WizardStep) -> Int {
        switch step {
        case .service: return 0
        case .images: return s.spec.repositories.count
        case .logs: return s.spec.logGroups.count
        case .secrets: return s.spec.secrets.count + s.spec.parameters.count
        case .keys: return s.spec.kmsKeys.count
        case .extras: return s.spec.s3Objects.count + (s.spec.guardDutyAgent ? 1 : 0) + (s.spec.vpcEndpoints.isEmpty ? 0 : 1)
        case .review: return 0
        }
    }

    func steps(_ s: WizardState, _ r: Rect, _ buf: inout ScreenBuffer) {
        let block = Block(title: "Steps", rightTitle: "\(s.step.rawValue + 1)/\(WizardStep.allCases.count)", focused: s.focus == .steps, theme: theme)
        buf.render(block, in: r)
        let inner = block.inner(r)
        for step in WizardStep.allCases {
            let y = inner.y + step.rawValue
            guard y < inner.maxY else { break }
            let current = step == s.step
            let n = count(s, step)
            let mark = current ? (theme.borders == .ascii ? ">" : "›") : " "
            var x = buf.put("\(mark) \(step.rawValue + 1) \(step.title)", x: inner.x, y: y, style: current ? theme.title : theme.text, maxX: inner.maxX)
            if n > 0 { x = buf.put("  \(n)", x: x, y: y, style: theme.success, maxX: inner.maxX) }
            if current { buf.applyStyle(s.focus == .steps ? theme.cursor : theme.title, to: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }

    func picker(_ s: WizardState, _ l: WizardLayout, _ buf: inout ScreenBuffer) {
        let p = WizardPicker(s)
        let selected = count(s, s.step)
        let block = Block(title: "\(s.step.rawValue + 1) \(s.step.title)", rightTitle: selected > 0 ? "\(selected) chosen" : "",
                          focused: s.focus == .picker, theme: theme)
        buf.render(block, in: l.picker)
        if let f = s.filters[s.step] {
            if let field = s.filterField {
                buf.render(FilterInput(field: field, matchCount: f.matchCount, total: f.index.count, focused: true, theme: theme), in: l.filterLine)
            } else if !f.query.isEmpty {
                buf.render(FilterInput(field: TextFieldState(f.query), matchCount: f.matchCount, total: f.index.count, focused: false, theme: theme), in: l.filterLine)
            } else {
                buf.put("/ filter | space tick | a all | + add", x: l.filterLine.x, y: l.filterLine.y, style: theme.dim, maxX: l.filterLine.maxX)
            }
        } else {
            buf.put(WizardHelp.stepHelp(s.step).truncated(toWidth: l.filterLine.width, ellipsis: theme.borders != .ascii), x: l.filterLine.x, y: l.filterLine.y, style: theme.dim, maxX: l.filterLine.maxX)
        }
        let query = s.filters[s.step].map { $0.prepared } ?? FuzzyMatcher.Query("")
        let rows = WizardRows(state: s, picker: p, query: query, theme: theme)
        buf.render(ListView(count: p.count, state: s.list, multiSelect: false, focused: s.focus == .picker && s.filterField == nil,
                            footer: true, total: nil, theme: theme, row: rows.row), in: l.pickerList)
    }

    func explain(_ s: WizardState, _ r: Rect, _ buf: inout ScreenBuffer) {
        let block = Block(title: "Explain", theme: theme)
        buf.render(block, in: r)
        let lines = WizardExplain.lines(s).map { [Span($0, style: theme.text)] }
        buf.render(Paragraph(lines: lines, wrap: true), in: block.inner(r).inset(left: 1))
    }

    func promptBox(_ p: WizardState.Prompt, in area: Rect, _ buf: inout ScreenBuffer) {
        let w = min(area.width - 4, 90)
        let hintRows = Paragraph(p.hint).wrappedRows(width: max(1, w - 4)).count
        let box = area.centered(width: w, height: hintRows + 5)
        let block = Block(title: p.title, focused: true, theme: theme)
        buf.render(block, in: box)
        let inner = block.inner(box).inset(left: 1, right: 1)
        buf.render(Paragraph(p.hint, style: theme.dim), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: hintRows))
        buf.render(TextField(state: p.field, prompt: Span("> ", style: theme.key), focused: true, theme: theme),
                   in: Rect(x: inner.x, y: inner.y + hintRows + 1, width: inner.width, height: 1))
    }

    func helpScreen(_ h: WizardState.Help, in area: Rect, _ buf: inout ScreenBuffer) {
        let box = area.inset(top: 2, left: 4, bottom: 3, right: 4)
        let block = Block(title: "Help - type to search, enter jumps to the setting", focused: true, theme: theme)
        buf.render(block, in: box)
        let inner = block.inner(box).inset(left: 1, right: 1)
        let hits = WizardHelp.search(h.field.text)
        buf.render(FilterInput(field: h.field, matchCount: hits.count, total: WizardHelp.entries.count, theme: theme), in: inner.row(0))
        let detailHeight = 4
        let listArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(1, inner.height - 3 - detailHeight))
        let ls = ListState(cursor: h.cursor)
        buf.render(ListView(count: hits.count, state: ls, footer: false, theme: theme) { i in
            ListRow(id: i, text: hits[i].title, style: hits[i].field == nil ? theme.text : theme.key)
        }, in: listArea)
        if h.cursor < hits.count {
            buf.render(Paragraph(hits[h.cursor].text, style: theme.dim), in: Rect(x: inner.x, y: inner.maxY - detailHeight, width: inner.width, height: detailHeight))
        }
    }

    func dialog(_ d: WizardState.Dialog, _ s: WizardState, in area: Rect, _ buf: inout ScreenBuffer) {
        switch d {
        case .resume(let draft):
            let spec = draft.choices.spec
            let msg = "A draft from an earlier session was found (\(spec.name), step \(draft.step.title), \(spec.repositories.count) images, \(spec.logGroups.count) log groups, \(spec.secrets.count + spec.parameters.count) secrets). Resume it?"
            buf.render(Modal(title: "Resume draft?", message: msg, buttons: ["Resume", "Start fresh"], selectedButton: s.dialogButton, width: 64, theme: theme), in: area)
        case .overwrite(let names):
            let msg = "These files in \(s.choices.outDir) differ from what would be written: \(names.joined(separator: ", ")). Replace them? (d in the preview shows the diff)"
            buf.render(Modal(title: "Overwrite files?", message: msg, buttons: ["Overwrite", "Cancel"], selectedButton: s.dialogButton, width: 64, theme: theme), in: area)
        }
    }

    /// `2026-11-23T02:31:05Z` → `2026-11-23 02:31 UTC`: the inventory's age without reading the clock
    /// (views do no I/O; `R` refreshes).
    static func shortTime(_ iso: String) -> String {
        guard iso.count >= 16, iso.contains("T") else { return iso }
        let chars = Array(iso)
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " UTC"
    }
}
