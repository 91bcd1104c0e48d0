/// A centred dialog box over the screen: title, message and buttons (for confirmations).
public struct Modal: Widget {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selectedButton: Int
    public var width: Int
    public var theme: Theme

    public init(title: String, message: String, buttons: [String] = ["Yes", "No"], selectedButton: Int = 0,
                width: Int = 50, theme: Theme = Theme()) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.width = width
        self.theme = theme
    }

    /// The dialog's rectangle inside `area`.
    public func frame(in area: Rect) -> Rect {
        let w = min(width, area.width - 2)
        let rows = Paragraph(message).wrappedRows(width: max(1, w - 4)).count
        return area.centered(width: w, height: rows + 2 + (buttons.isEmpty ? 0 : 2))
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        let box = frame(in: area)
        guard box.width > 4, box.height > 2 else { return }
        let block = Block(title: title, focused: true, theme: theme)
        block.render(area: box, into: &buffer)
        let inner = block.inner(box).inset(left: 1, right: 1)
        Paragraph(message, style: theme.text).render(area: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1)), into: &buffer)
        guard !buttons.isEmpty else { return }
        let labels = buttons.map { "[ \($0) ]" }
        let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (labels.count - 1)
        var x = inner.x + max(0, (inner.width - total) / 2)
        for (i, l) in labels.enumerated() {
            x = buffer.put(l, x: x, y: inner.maxY - 1, style: i == selectedButton ? theme.cursor.bold : theme.text, maxX: inner.maxX) + 2
        }
    }
}
