/// The `/` filter line: prompt, query field and a "12/60000" match counter.
public struct FilterInput: Widget {
    public var field: TextFieldState
    public var matchCount: Int
    public var total: Int
    public var focused: Bool
    public var theme: Theme

    public init(field: TextFieldState, matchCount: Int, total: Int, focused: Bool = true, theme: Theme = Theme()) {
        self.field = field
        self.matchCount = matchCount
        self.total = total
        self.focused = focused
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let counter = " \(matchCount)/\(total)"
        let cw = DisplayWidth.of(counter)
        let fieldArea = Rect(x: area.x, y: area.y, width: max(0, area.width - cw), height: 1)
        TextField(state: field, prompt: Span("/ ", style: theme.key), placeholder: "type to filter",
                  focused: focused, theme: theme).render(area: fieldArea, into: &buffer)
        if area.width > cw + 4 { buffer.put(counter, x: area.maxX - cw, y: area.y, style: theme.dim, maxX: area.maxX) }
    }
}
