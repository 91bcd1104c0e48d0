/// A row of tab titles with the selected one emphasised.
public struct Tabs: Widget {
    public var titles: [String]
    public var selected: Int
    public var theme: Theme

    public init(titles: [String], selected: Int, theme: Theme = Theme()) {
        self.titles = titles
        self.selected = selected
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        let sep = theme.borders == .ascii ? " | " : " │ "
        for (i, t) in titles.enumerated() {
            if i > 0 { x = buffer.put(sep, x: x, y: area.y, style: theme.dim, maxX: area.maxX) }
            let style = i == selected ? theme.title.reverse : theme.text
            x = buffer.put(" \(t) ", x: x, y: area.y, style: style, maxX: area.maxX)
        }
    }
}
