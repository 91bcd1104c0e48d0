/// One displayed row of a list.
public struct ListRow: Sendable {
    /// Stable id (for selection).
    public var id: Int
    public var text: String
    /// Character offsets to highlight (fuzzy matches).
    public var highlights: [Int]
    /// Optional styled prefix (e.g. a severity badge).
    public var prefix: Span?
    public var style: Style

    public init(id: Int, text: String, highlights: [Int] = [], prefix: Span? = nil, style: Style = .plain) {
        self.id = id
        self.text = text
        self.highlights = highlights
        self.prefix = prefix
        self.style = style
    }
}

/// A scrolling list with a cursor, optional multi-select marks and a "3 of 120 selected" footer.
/// Rows are produced lazily by `row(_:)`, so only the visible rows of a 60,000-item list are built.
public struct ListView: Widget {
    public var count: Int
    public var row: (Int) -> ListRow
    public var state: ListState
    public var multiSelect: Bool
    public var focused: Bool
    /// Shows the selection/position footer on the last row.
    public var footer: Bool
    /// Total items before filtering (for "12 of 60000" in the footer); defaults to `count`.
    public var total: Int?
    public var theme: Theme

    public init(count: Int, state: ListState, multiSelect: Bool = false, focused: Bool = true, footer: Bool = true,
                total: Int? = nil, theme: Theme = Theme(), row: @escaping (Int) -> ListRow) {
        self.count = count
        self.row = row
        self.state = state
        self.multiSelect = multiSelect
        self.focused = focused
        self.footer = footer
        self.total = total
        self.theme = theme
    }

    /// Rows available for items in `area` (the footer takes one).
    public static func viewportHeight(_ area: Rect, footer: Bool = true) -> Int {
        max(1, area.height - (footer ? 1 : 0))
    }

    /// The footer text: "3 of 120 selected · 12/60000" style.
    public var footerText: String {
        var parts: [String] = []
        if multiSelect { parts.append("\(state.selected.count) of \(total ?? count) selected") }
        if let total, total != count { parts.append("\(count)/\(total)") }
        else if count > 0 { parts.append("\(min(state.cursor + 1, count))/\(count)") }
        else { parts.append("no items") }
        return parts.joined(separator: " · ")
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let showFooter = footer && area.height >= 2
        let height = showFooter ? area.height - 1 : area.height
        let offset = state.visibleOffset(height: height, count: count)
        let markWidth = multiSelect ? 4 : 2
        let checked = theme.borders == .ascii ? "[x] " : "[✓] "
        for r in 0..<height {
            let idx = offset + r
            guard idx < count else { break }
            let item = row(idx)
            let y = area.y + r
            let isCursor = idx == state.cursor
            var x = area.x
            let pointer = isCursor ? (theme.borders == .ascii ? ">" : "›") : " "
            x = buffer.put(pointer + " ", x: x, y: y, style: isCursor ? theme.key : theme.text, maxX: area.maxX)
            if multiSelect {
                let sel = state.selected.contains(item.id)
                x = buffer.put(sel ? checked : "[ ] ", x: x, y: y, style: sel ? theme.selectedMark : theme.dim, maxX: area.maxX)
            }
            _ = markWidth
            if let p = item.prefix { x = buffer.put(p.text, x: x, y: y, style: p.style, maxX: area.maxX) }
            let textStart = x
            x = buffer.put(item.text, x: x, y: y, style: item.style, maxX: area.maxX)
            if !item.highlights.isEmpty { highlight(item, from: textStart, y: y, maxX: area.maxX, into: &buffer) }
            if isCursor {
                let cursorStyle = focused ? theme.cursor : theme.cursor.dim
                buffer.applyStyle(cursorStyle, to: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
        }
        if showFooter {
            let text = footerText.truncated(toWidth: area.width)
            buffer.put(text, x: area.maxX - DisplayWidth.of(text), y: area.maxY - 1, style: theme.dim, maxX: area.maxX)
        }
    }

    private func highlight(_ item: ListRow, from x0: Int, y: Int, maxX: Int, into buffer: inout ScreenBuffer) {
        var col = x0
        var next = 0
        for (ci, ch) in item.text.enumerated() {
            if col >= maxX || next >= item.highlights.count { break }
            let w = DisplayWidth.of(ch)
            if item.highlights[next] == ci {
                buffer.applyStyle(theme.match, to: Rect(x: col, y: y, width: max(1, w), height: 1))
                next += 1
            }
            col += w
        }
    }
}
