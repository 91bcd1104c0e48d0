/// Rows and columns with a header; column widths come from `Layout` constraints.
public struct Table: Widget {
    public var header: [String]
    public var rows: [[Span]]
    public var widths: [Constraint]
    /// Highlighted row, if any.
    public var selected: Int?
    public var offset: Int
    public var theme: Theme

    /// Each row is one span per column.
    public init(header: [String], rows: [[Span]], widths: [Constraint], selected: Int? = nil, offset: Int = 0, theme: Theme = Theme()) {
        self.header = header
        self.rows = rows
        self.widths = widths
        self.selected = selected
        self.offset = offset
        self.theme = theme
    }

    /// Convenience for plain text cells.
    public init(header: [String], rows: [[String]], widths: [Constraint], selected: Int? = nil, theme: Theme = Theme()) {
        self.init(header: header, rows: rows.map { $0.map { Span($0) } }, widths: widths, selected: selected, theme: theme)
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let cols = Layout.horizontal(widths, spacing: 1).split(area)
        var y = area.y
        if !header.isEmpty {
            for (i, h) in header.enumerated() where i < cols.count {
                buffer.put(h.truncated(toWidth: cols[i].width), x: cols[i].x, y: y, style: theme.title.underline, maxX: cols[i].maxX)
            }
            y += 1
        }
        let height = area.maxY - y
        guard height > 0 else { return }
        var start = offset
        if let selected {
            if selected < start { start = selected }
            if selected >= start + height { start = selected - height + 1 }
        }
        for (r, row) in rows.dropFirst(max(0, start)).prefix(height).enumerated() {
            for (i, cell) in row.enumerated() where i < cols.count {
                buffer.put(cell.text.truncated(toWidth: cols[i].width), x: cols[i].x, y: y + r, style: cell.style, maxX: cols[i].maxX)
            }
            if start + r == selected { buffer.applyStyle(theme.cursor, to: Rect(x: area.x, y: y + r, width: area.width, height: 1)) }
        }
    }
}
