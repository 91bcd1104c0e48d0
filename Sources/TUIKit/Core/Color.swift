/// A terminal colour: the terminal's default, or one of the 256 indexed colours
/// (0–15 are the 16 named ANSI colours).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground/background.
    case `default`
    /// An xterm-256 palette index.
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)
    /// Alias: many themes call bright black "gray".
    public static let gray = brightBlack

    /// An xterm-256 colour from the 6×6×6 cube (each component 0–5).
    public static func rgb6(_ r: Int, _ g: Int, _ b: Int) -> Color {
        let c = { (v: Int) in min(5, max(0, v)) }
        return .indexed(UInt8(16 + 36 * c(r) + 6 * c(g) + c(b)))
    }

    /// A grey from the 24-step ramp (0 = darkest, 23 = lightest).
    public static func grey(_ level: Int) -> Color { .indexed(UInt8(232 + min(23, max(0, level)))) }

    /// A short name used in snapshot style layers.
    public var shortName: String {
        switch self {
        case .default: return "default"
        case .indexed(let i):
            let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
            if i < 8 { return names[Int(i)] }
            if i < 16 { return "bright" + names[Int(i) - 8] }
            return "c\(i)"
        }
    }
}
