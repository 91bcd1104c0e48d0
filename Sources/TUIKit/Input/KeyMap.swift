/// One entry of a key map: the keys, the action and how help describes it.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [KeyEvent]
    public var action: Action
    /// Short label for the help bar ("filter"); empty hides the entry from the help bar.
    public var help: String
    /// Longer text for the `?` screen; defaults to `help`.
    public var detail: String
    /// Whether the help bar shows it (the `?` screen shows every entry with a label).
    public var inHelpBar: Bool
    /// Group heading on the `?` screen.
    public var group: String

    public init(_ keys: [KeyEvent], _ action: Action, help: String = "", detail: String? = nil, inHelpBar: Bool = true, group: String = "") {
        self.keys = keys
        self.action = action
        self.help = help
        self.detail = detail ?? help
        self.inHelpBar = inHelpBar
        self.group = group
    }

    /// Keys as one label: "↑/k".
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The single table from keys to actions; also the source of the help bar and `?` screen.
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]
    private var index: [KeyEvent: Int]

    public init(_ bindings: [KeyBinding<Action>] = []) {
        self.bindings = []
        self.index = [:]
        for b in bindings { add(b) }
    }

    /// Adds a binding; for a key bound twice the first binding wins (so a mode's map can be
    /// put in front of the global map).
    public mutating func add(_ binding: KeyBinding<Action>) {
        bindings.append(binding)
        for k in binding.keys where index[k] == nil { index[k] = bindings.count - 1 }
    }

    /// Adds a binding built from its parts.
    public mutating func bind(_ keys: [KeyEvent], _ action: Action, help: String = "", inHelpBar: Bool = true, group: String = "") {
        add(KeyBinding(keys, action, help: help, inHelpBar: inHelpBar, group: group))
    }

    /// This map followed by `other` (this map's bindings win on conflicts).
    public func merged(with other: KeyMap<Action>) -> KeyMap<Action> {
        var m = self
        for b in other.bindings { m.add(b) }
        return m
    }

    /// The action bound to `event`, if any.
    public func action(for event: KeyEvent) -> Action? {
        index[event].map { bindings[$0].action }
    }

    /// (keys, label) pairs for the help bar, in binding order.
    public var helpItems: [(keys: String, label: String)] {
        bindings.filter { $0.inHelpBar && !$0.help.isEmpty }.map { ($0.keyLabel, $0.help) }
    }

    /// Lines for the `?` screen: grouped, every labelled binding.
    public var helpLines: [String] {
        var out: [String] = []
        var lastGroup: String?
        let labelled = bindings.filter { !$0.detail.isEmpty }
        let width = labelled.map { $0.keyLabel.count }.max() ?? 0
        for b in labelled {
            if b.group != lastGroup, !b.group.isEmpty { if !out.isEmpty { out.append("") }; out.append(b.group) }
            lastGroup = b.group
            out.append("  " + b.keyLabel + String(repeating: " ", count: width + 2 - b.keyLabel.count) + b.detail)
        }
        return out
    }
}
