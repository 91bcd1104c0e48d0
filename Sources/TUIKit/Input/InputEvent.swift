/// A key, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// A readable name for help texts ("↑", "PgDn", "F5", "x").
    public var label: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .enter: return "enter"
        case .tab: return "tab"
        case .backTab: return "S-tab"
        case .backspace: return "bksp"
        case .delete: return "del"
        case .insert: return "ins"
        case .escape: return "esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}

/// Modifier keys a terminal can report.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let ctrl = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let shift = Modifiers(rawValue: 4)
}

/// One key press. Ctrl-letters are `.char("x")` with `.ctrl`; Alt-letters use `.alt`.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> KeyEvent { KeyEvent(.char(c)) }
    /// Ctrl plus a letter.
    public static func ctrl(_ c: Character) -> KeyEvent { KeyEvent(.char(c), modifiers: .ctrl) }
    /// Alt plus a key.
    public static func alt(_ c: Character) -> KeyEvent { KeyEvent(.char(c), modifiers: .alt) }

    /// The printable character this key inserts into a text field, if any.
    public var printable: Character? {
        if case .char(let c) = key, modifiers.isDisjoint(with: [.ctrl, .alt]) { return c }
        return nil
    }

    /// "C-r", "M-b", "↑", "q": the label shown in help.
    public var description: String {
        var s = ""
        if modifiers.contains(.ctrl) { s += "C-" }
        if modifiers.contains(.alt) { s += "M-" }
        if modifiers.contains(.shift), key != .backTab { s += "S-" }
        return s + key.label
    }
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, click, doubleClick, scrollUp, scrollDown, rightClick }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Text the user pasted (bracketed paste), delivered in one piece.
public struct PasteEvent: Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

/// Everything a terminal backend can report.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    case paste(PasteEvent)
    /// The terminal changed size.
    case resize(Size)
    /// Input ended (stdin closed): the program should quit.
    case endOfInput
}
