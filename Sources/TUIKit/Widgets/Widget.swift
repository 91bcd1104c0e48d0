/// Anything that draws itself into a rectangle of a buffer. Widgets are values built fresh for
/// every frame from state; `render` is pure: no I/O, no state kept between frames.
public protocol Widget {
    func render(area: Rect, into buffer: inout ScreenBuffer)
}

extension ScreenBuffer {
    /// Renders `widget` into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(area: area.intersection(self.area), into: &self)
    }
}

/// Horizontal placement of a line inside its area.
public enum Alignment: Sendable { case left, center, right }

extension String {
    /// The longest prefix that fits in `width` cells, with "…" when cut (if `ellipsis`).
    public func truncated(toWidth width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if utf8.count <= width, allSatisfy({ $0.isASCII }) { return self }
        if DisplayWidth.of(self) <= width { return self }
        let budget = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for ch in self {
            let w = DisplayWidth.of(ch)
            if used + w > budget { break }
            out.append(ch)
            used += w
        }
        return ellipsis ? out + "…" : out
    }
}
