import TUIKit

extension DemoProgram {
    /// Draws the demo screen. Pure: builds widgets from state.
    public func render(_ s: DemoState, size: Size) -> ScreenBuffer {
        var buf = ScreenBuffer(size: size)
        let filterShown = s.filtering || !s.query.characters.isEmpty
        let l = DemoLayout(size: size, filtering: filterShown)
        let total = s.filter.index.count

        let picker = Block(title: "Actions", rightTitle: "step 2 of 4", focused: s.focus == .picker, theme: theme)
        buf.render(picker, in: l.picker)
        if filterShown {
            buf.render(FilterInput(field: s.query, matchCount: s.filter.matchCount, total: total, focused: s.filtering, theme: theme), in: l.filterLine)
        }
        let filter = s.filter
        let highlightQuery = filter.prepared
        let list = ListView(count: filter.matchCount, state: s.list, multiSelect: true, focused: s.focus == .picker,
                            total: total, theme: theme) { row in
            let id = Int(filter.matches[row])
            let text = filter.index.items[id]
            return ListRow(id: id, text: text, highlights: FuzzyMatcher.matchedCharacterOffsets(highlightQuery, in: text))
        }
        buf.render(list, in: l.pickerList)

        let policyText = s.policyLines.joined(separator: "\n")
        buf.render(Block(title: "Policy (JSON)", focused: s.focus == .policy, theme: theme), in: l.policy)
        var markers: [Int: LineMarker] = [:]
        for n in s.changedLines { markers[n, default: LineMarker()].changed = true }
        for f in s.findings where f.line < s.policyLines.count { markers[f.line, default: LineMarker()].severity = f.severity }
        buf.render(CodeView(lines: s.policyLines, language: .json, scroll: s.policyScroll, markers: markers,
                            highlightedLine: s.highlightedLine, theme: theme), in: l.policyCode)
        buf.render(SizeMeter(used: policyText.filter { !$0.isWhitespace }.count, limit: 6_144, theme: theme), in: l.meter)

        buf.render(Block(title: "Findings", rightTitle: "\(s.findings.count)", focused: s.focus == .findings, theme: theme), in: l.findings)
        let findings = s.findings
        buf.render(ListView(count: findings.count, state: s.findingsList, focused: s.focus == .findings, footer: false, theme: theme) { i in
            let f = findings[i]
            return ListRow(id: i, text: f.title, prefix: Span(f.severity.mark + " ", style: f.severity.style(theme)))
        }, in: l.findingsList)

        let selected = s.list.selected.count
        buf.render(StatusLine(message: "\(selected) selected · focus: \(s.focus)" + (s.lastUnboundKey.map { " · unbound key \($0)" } ?? ""), toast: s.toast, kind: .success, theme: theme), in: l.status)
        buf.render(HelpBar(keyMap: keyMap(for: s), theme: theme), in: l.help)

        if s.showHelp {
            let lines = keyMap(for: DemoState(size: size, items: [])).helpLines
            let box = Rect(size: size).centered(width: 56, height: min(size.height - 2, lines.count + 2))
            let block = Block(title: "Keys", focused: true, theme: theme)
            buf.render(block, in: box)
            buf.render(Paragraph(lines.joined(separator: "\n"), wrap: false), in: block.inner(box).inset(left: 1))
        }
        return buf
    }
}
