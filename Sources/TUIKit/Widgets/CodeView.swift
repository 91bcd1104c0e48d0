/// Severity of a finding shown in the code view gutter and findings lists.
public enum Severity: Int, Hashable, Sendable, Comparable {
    case info, warning, error
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    /// One-character gutter mark.
    public var mark: String { self == .error ? "E" : self == .warning ? "W" : "i" }
    public func style(_ theme: Theme) -> Style { self == .error ? theme.error : self == .warning ? theme.warning : theme.info }
}

/// Per-line annotations of a `CodeView`.
public struct LineMarker: Hashable, Sendable {
    public var changed: Bool
    public var severity: Severity?
    public init(changed: Bool = false, severity: Severity? = nil) {
        self.changed = changed
        self.severity = severity
    }
}

/// A scrollable, syntax-coloured view of a document with a gutter of line numbers, changed-line
/// marks and finding severity marks, and one optional highlighted line.
public struct CodeView: Widget {
    public var lines: [String]
    public var language: CodeLanguage
    /// First visible line (0-based); adjusted so `highlightedLine` is visible.
    public var scroll: Int
    public var markers: [Int: LineMarker]
    public var highlightedLine: Int?
    public var showLineNumbers: Bool
    public var theme: Theme

    public init(lines: [String], language: CodeLanguage, scroll: Int = 0, markers: [Int: LineMarker] = [:],
                highlightedLine: Int? = nil, showLineNumbers: Bool = true, theme: Theme = Theme()) {
        self.lines = lines
        self.language = language
        self.scroll = scroll
        self.markers = markers
        self.highlightedLine = highlightedLine
        self.showLineNumbers = showLineNumbers
        self.theme = theme
    }

    /// Convenience: splits `text` into lines.
    public init(text: String, language: CodeLanguage, theme: Theme = Theme()) {
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), language: language, theme: theme)
    }

    /// The scroll actually used for a viewport of `height` rows.
    public func effectiveScroll(height: Int) -> Int {
        var s = max(0, min(scroll, max(0, lines.count - height)))
        if let h = highlightedLine {
            if h < s { s = h }
            if h >= s + height { s = h - height + 1 }
        }
        return max(0, s)
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let highlighter = SyntaxHighlighter(language: language, theme: theme)
        let numberWidth = showLineNumbers ? String(lines.count).count : 0
        let gutter = numberWidth + (showLineNumbers ? 1 : 0) + 2  // number, space, change mark, severity mark
        let start = effectiveScroll(height: area.height)
        let ascii = theme.borders == .ascii
        for r in 0..<area.height {
            let n = start + r
            guard n < lines.count else { break }
            let y = area.y + r
            var x = area.x
            if showLineNumbers {
                let num = String(n + 1)
                x = buffer.put(String(repeating: " ", count: numberWidth - num.count) + num + " ", x: x, y: y, style: theme.dim, maxX: area.maxX)
            }
            let marker = markers[n]
            buffer.put(marker?.changed == true ? (ascii ? "+" : "▎") : " ", x: x, y: y, style: theme.changedLine, maxX: area.maxX)
            if let sev = marker?.severity { buffer.put(sev.mark, x: x + 1, y: y, style: sev.style(theme), maxX: area.maxX) }
            buffer.put(spans: highlighter.highlight(lines[n]), x: area.x + gutter, y: y, maxX: area.maxX)
            if n == highlightedLine {
                buffer.applyStyle(theme.highlightedLine, to: Rect(x: area.x + gutter, y: y, width: area.width - gutter, height: 1))
            }
        }
    }
}
