/// A bordered box with an optional title; the frame around every pane.
public struct Block: Widget {
    public var title: String
    /// Right-aligned text in the top border (e.g. a counter).
    public var rightTitle: String
    public var focused: Bool
    public var theme: Theme
    public var borders: Bool

    public init(title: String = "", rightTitle: String = "", focused: Bool = false, borders: Bool = true, theme: Theme = Theme()) {
        self.title = title
        self.rightTitle = rightTitle
        self.focused = focused
        self.borders = borders
        self.theme = theme
    }

    /// The area left for content inside the border.
    public func inner(_ area: Rect) -> Rect { borders ? area.inset(by: 1) : area }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let style = focused ? theme.focusedBorder : theme.border
        let b = theme.borders
        if borders, area.width >= 2, area.height >= 2 {
            let top = area.minY, bottom = area.maxY - 1, left = area.minX, right = area.maxX - 1
            for x in (left + 1)..<right {
                buffer[x, top] = Cell(b.horizontal, style: style)
                buffer[x, bottom] = Cell(b.horizontal, style: style)
            }
            for y in (top + 1)..<bottom {
                buffer[left, y] = Cell(b.vertical, style: style)
                buffer[right, y] = Cell(b.vertical, style: style)
            }
            buffer[left, top] = Cell(b.topLeft, style: style)
            buffer[right, top] = Cell(b.topRight, style: style)
            buffer[left, bottom] = Cell(b.bottomLeft, style: style)
            buffer[right, bottom] = Cell(b.bottomRight, style: style)
        }
        let titleY = area.minY
        var end = area.maxX - 1
        if !rightTitle.isEmpty, area.width > 6 {
            let text = " " + rightTitle.truncated(toWidth: area.width / 2) + " "
            let w = DisplayWidth.of(text)
            end = area.maxX - 1 - w
            buffer.put(text, x: end, y: titleY, style: theme.dim, maxX: area.maxX - 1)
        }
        if !title.isEmpty, area.width > 4 {
            let titleStyle = focused ? theme.title.patched(with: theme.focusedBorder) : theme.title
            let text = " " + title.truncated(toWidth: max(0, end - area.minX - 4)) + " "
            buffer.put(text, x: area.minX + 1, y: titleY, style: titleStyle, maxX: end)
        }
    }
}
