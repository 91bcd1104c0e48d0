/// The bottom line listing keys and what they do, generated from a `KeyMap`; items that do not
/// fit are dropped from the end and "? help" is always kept.
public struct HelpBar: Widget {
    public var items: [(keys: String, label: String)]
    public var theme: Theme

    public init(items: [(keys: String, label: String)], theme: Theme = Theme()) {
        self.items = items
        self.theme = theme
    }

    /// A help bar for every help-bar entry of `keyMap`.
    public init<A>(keyMap: KeyMap<A>, theme: Theme = Theme()) {
        self.init(items: keyMap.helpItems, theme: theme)
    }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let help = items.first { $0.keys == "?" }
        var rest = items.filter { $0.keys != "?" }
        func width(_ list: [(keys: String, label: String)]) -> Int {
            list.reduce(0) { $0 + DisplayWidth.of($1.keys) + DisplayWidth.of($1.label) + 3 }
        }
        let reserved = help.map { width([$0]) } ?? 0
        while !rest.isEmpty, width(rest) + reserved > area.width { rest.removeLast() }
        var x = area.x
        for item in rest + (help.map { [$0] } ?? []) {
            x = buffer.put(item.keys, x: x, y: area.y, style: theme.key, maxX: area.maxX)
            x = buffer.put(" " + item.label + "  ", x: x, y: area.y, style: theme.dim, maxX: area.maxX)
        }
    }
}
