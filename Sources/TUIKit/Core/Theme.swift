/// The characters used to draw borders.
public struct BorderSet: Hashable, Sendable {
    public var horizontal: String, vertical: String
    public var topLeft: String, topRight: String, bottomLeft: String, bottomRight: String

    public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let plain = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let thick = BorderSet(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    /// Safe on any terminal and locale.
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

/// How the terminal may be used, resolved once from flags and the environment.
public struct TerminalOptions: Hashable, Sendable {
    /// Draw borders with ASCII only.
    public var ascii: Bool
    /// Honour `NO_COLOR`: attributes only, no colours.
    public var noColor: Bool
    /// Leave mouse reporting off so the terminal's own selection works.
    public var noMouse: Bool

    public init(ascii: Bool = false, noColor: Bool = false, noMouse: Bool = false) {
        self.ascii = ascii
        self.noColor = noColor
        self.noMouse = noMouse
    }

    /// Resolves options from command-line flags and environment variables. ASCII is forced when
    /// the locale (LC_ALL, then LC_CTYPE, then LANG — first non-empty wins) is not UTF-8.
    public static func resolve(ascii: Bool = false, noMouse: Bool = false, environment env: [String: String]) -> TerminalOptions {
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        let utf8 = lower.contains("utf-8") || lower.contains("utf8")
        return TerminalOptions(ascii: ascii || !utf8, noColor: noColor, noMouse: noMouse)
    }
}

/// Named styles every widget draws with, so one place decides the look.
public struct Theme: Sendable {
    public var text = Style.plain
    public var dim = Style(fg: .brightBlack)
    public var border = Style(fg: .brightBlack)
    public var focusedBorder = Style(fg: .cyan, attributes: [.bold])
    public var title = Style(attributes: [.bold])
    public var cursor = Style(attributes: [.reverse])
    public var selectedMark = Style(fg: .green, attributes: [.bold])
    public var match = Style(fg: .yellow, attributes: [.bold, .underline])
    public var key = Style(fg: .cyan, attributes: [.bold])
    public var error = Style(fg: .red, attributes: [.bold])
    public var warning = Style(fg: .yellow, attributes: [.bold])
    public var info = Style(fg: .blue)
    public var success = Style(fg: .green)
    public var changedLine = Style(fg: .green, attributes: [.bold])
    public var highlightedLine = Style(bg: .indexed(236))
    public var syntaxKey = Style(fg: .cyan)
    public var syntaxString = Style(fg: .green)
    public var syntaxNumber = Style(fg: .magenta)
    public var syntaxKeyword = Style(fg: .yellow)
    public var syntaxComment = Style(fg: .brightBlack, attributes: [.italic])
    public var syntaxPunctuation = Style(fg: .brightBlack)
    public var borders = BorderSet.rounded
    /// Applied to every style on lookup when colours are off.
    public var noColor = false

    public init() {}

    /// The default theme adjusted for `options` (ASCII borders, no colours).
    public static func standard(_ options: TerminalOptions = TerminalOptions()) -> Theme {
        var t = Theme()
        if options.ascii { t.borders = .ascii }
        if options.noColor { t = t.withoutColors() }
        return t
    }

    /// Every style stripped of colour; a highlighted line falls back to reverse video so it shows.
    public func withoutColors() -> Theme {
        var t = self
        t.noColor = true
        let strip = { (s: Style) in s.withoutColor }
        t.text = strip(text); t.dim = Style(attributes: [.dim]); t.border = strip(border)
        t.focusedBorder = strip(focusedBorder); t.title = strip(title); t.cursor = strip(cursor)
        t.selectedMark = strip(selectedMark); t.match = strip(match); t.key = strip(key)
        t.error = strip(error); t.warning = strip(warning); t.info = strip(info); t.success = strip(success)
        t.changedLine = strip(changedLine); t.highlightedLine = Style(attributes: [.reverse])
        t.syntaxKey = strip(syntaxKey); t.syntaxString = strip(syntaxString); t.syntaxNumber = strip(syntaxNumber)
        t.syntaxKeyword = strip(syntaxKeyword); t.syntaxComment = strip(syntaxComment)
        t.syntaxPunctuation = strip(syntaxPunctuation)
        return t
    }
}
