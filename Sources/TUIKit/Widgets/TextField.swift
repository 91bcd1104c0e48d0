/// A one-line input showing a `TextFieldState`, scrolled horizontally so the cursor stays visible.
public struct TextField: Widget {
    public var state: TextFieldState
    public var prompt: Span?
    public var placeholder: String
    public var focused: Bool
    public var theme: Theme

    public init(state: TextFieldState, prompt: Span? = nil, placeholder: String = "", focused: Bool = true, theme: Theme = Theme()) {
        self.state = state
        self.prompt = prompt
        self.placeholder = placeholder
        self.focused = focused
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        if let prompt { x = buffer.put(prompt.text, x: x, y: area.y, style: prompt.style, maxX: area.maxX) }
        let avail = area.maxX - x - 1  // keep one cell for the cursor at the end
        guard avail > 0 else { return }
        if state.characters.isEmpty, !placeholder.isEmpty {
            buffer.put(placeholder, x: x + (focused ? 1 : 0), y: area.y, style: theme.dim, maxX: area.maxX)
            if focused { buffer[x, area.y] = Cell(" ", style: theme.cursor) }
            return
        }
        // Choose the first visible character so the cursor fits.
        let widths = state.characters.map(DisplayWidth.of)
        var start = 0
        var before = widths[0..<state.cursor].reduce(0, +)
        while before > avail, start < state.cursor { before -= widths[start]; start += 1 }
        var col = x
        for i in start..<state.characters.count {
            if col + widths[i] > area.maxX { break }
            let style = focused && i == state.cursor ? theme.cursor : theme.text
            col = buffer.put(String(state.characters[i]), x: col, y: area.y, style: style, maxX: area.maxX)
        }
        if focused, state.cursor == state.characters.count, col < area.maxX {
            buffer[col, area.y] = Cell(" ", style: theme.cursor)
        }
    }
}
