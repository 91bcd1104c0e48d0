/// Text with word wrap, built from lines of styled spans.
public struct Paragraph: Widget {
    public var lines: [[Span]]
    public var wrap: Bool
    /// Rows (after wrapping) skipped at the top.
    public var scroll: Int
    public var alignment: Alignment

    public init(lines: [[Span]], wrap: Bool = true, scroll: Int = 0, alignment: Alignment = .left) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.alignment = alignment
    }

    /// Plain text; "\n" separates lines.
    public init(_ text: String, style: Style = .plain, wrap: Bool = true, alignment: Alignment = .left) {
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(String($0), style: style)] },
                  wrap: wrap, alignment: alignment)
    }

    /// The rows this paragraph occupies at `width`.
    public func wrappedRows(width: Int) -> [[Span]] {
        guard wrap else { return lines }
        return lines.flatMap { Paragraph.wrap($0, width: width) }
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let rows = wrappedRows(width: area.width)
        for (i, row) in rows.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            let w = row.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let x: Int
            switch alignment {
            case .left: x = area.x
            case .center: x = area.x + max(0, (area.width - w) / 2)
            case .right: x = area.x + max(0, area.width - w)
            }
            buffer.put(spans: row, x: x, y: area.y + i, maxX: area.maxX)
        }
    }

    /// Greedy word wrap of one line of spans: breaks at spaces, splits words longer than `width`.
    public static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        guard width > 0 else { return [spans] }
        // Tokenise into words and single spaces, each keeping its style.
        var tokens: [(text: String, style: Style, isSpace: Bool)] = []
        for span in spans {
            var word = ""
            for ch in span.text {
                if ch == " " {
                    if !word.isEmpty { tokens.append((word, span.style, false)); word = "" }
                    tokens.append((" ", span.style, true))
                } else { word.append(ch) }
            }
            if !word.isEmpty { tokens.append((word, span.style, false)) }
        }
        var rows: [[Span]] = [[]]
        var used = 0
        func emit(_ text: String, _ style: Style) {
            if let last = rows[rows.count - 1].last, last.style == style {
                rows[rows.count - 1][rows[rows.count - 1].count - 1].text += text
            } else { rows[rows.count - 1].append(Span(text, style: style)) }
        }
        for t in tokens {
            let w = DisplayWidth.of(t.text)
            if t.isSpace {
                if used == 0 && rows.count > 1 { continue }  // no leading space on wrapped rows
                if used + 1 > width { rows.append([]); used = 0; continue }
                emit(" ", t.style); used += 1
                continue
            }
            if used + w > width, used > 0 {
                // Drop the trailing space of the row we leave.
                if var last = rows[rows.count - 1].last, last.text.hasSuffix(" ") {
                    last.text.removeLast()
                    rows[rows.count - 1][rows[rows.count - 1].count - 1] = last
                }
                rows.append([]); used = 0
            }
            if w <= width { emit(t.text, t.style); used += w; continue }
            for ch in t.text {
                let cw = DisplayWidth.of(ch)
                if used + cw > width { rows.append([]); used = 0 }
                emit(String(ch), t.style); used += cw
            }
        }
        return rows
    }
}
