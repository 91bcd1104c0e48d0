/// A one-line status: a left message, an optional toast (transient, coloured by kind) on the right.
public struct StatusLine: Widget {
    public enum Kind: Sendable, Hashable { case info, success, warning, error }
    public var message: String
    public var toast: String?
    public var kind: Kind
    public var theme: Theme

    public init(message: String = "", toast: String? = nil, kind: Kind = .info, theme: Theme = Theme()) {
        self.message = message
        self.toast = toast
        self.kind = kind
        self.theme = theme
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.put(message.truncated(toWidth: area.width), x: area.x, y: area.y, style: theme.dim, maxX: area.maxX)
        guard let toast, !toast.isEmpty else { return }
        let style: Style
        switch kind {
        case .info: style = theme.info
        case .success: style = theme.success
        case .warning: style = theme.warning
        case .error: style = theme.error
        }
        let text = " " + toast.truncated(toWidth: max(0, area.width - 2)) + " "
        buffer.put(text, x: area.maxX - DisplayWidth.of(text), y: area.y, style: style.reverse, maxX: area.maxX)
    }
}
