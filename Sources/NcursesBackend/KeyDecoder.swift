import TUIKit

/// Turns raw characters that ncurses did not decode itself into key events: ESC-prefixed Alt keys,
/// CSI/SS3 sequences (arrows with modifiers, Home/End, PgUp/PgDn, F-keys, Shift-Tab) and control
/// characters. Pure and table-driven so it is unit-testable without a terminal.
public enum KeyDecoder {
    /// A plain (non-escape) character read from the terminal.
    public static func decodeChar(_ v: UInt32) -> KeyEvent? {
        switch v {
        case 13, 10: return KeyEvent(.enter)
        case 9: return KeyEvent(.tab)
        case 127, 8: return KeyEvent(.backspace)
        case 27: return KeyEvent(.escape)
        case 0: return KeyEvent(.char(" "), modifiers: .ctrl)
        case 1...26: return KeyEvent(.char(Character(Unicode.Scalar(v + 96)!)), modifiers: .ctrl)
        case 28...31: return nil
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return KeyEvent(.char(Character(s)))
        }
    }

    /// Modifiers from an xterm modifier parameter ("1;5C" → 5 → ctrl).
    static func modifiers(_ p: Int) -> Modifiers {
        let bits = max(0, p - 1)
        var m: Modifiers = []
        if bits & 1 != 0 { m.insert(.shift) }
        if bits & 2 != 0 { m.insert(.alt) }
        if bits & 4 != 0 { m.insert(.ctrl) }
        return m
    }

    /// Decodes the body of a CSI sequence (after "ESC [") such as "A", "1;5C", "5~", "15~", "Z".
    public static func decodeCSI(_ body: String) -> KeyEvent? {
        guard let final = body.last else { return nil }
        let params = body.dropLast().split(separator: ";").map { Int($0) ?? 1 }
        let mods = params.count >= 2 ? modifiers(params[1]) : []
        switch final {
        case "A": return KeyEvent(.up, modifiers: mods)
        case "B": return KeyEvent(.down, modifiers: mods)
        case "C": return KeyEvent(.right, modifiers: mods)
        case "D": return KeyEvent(.left, modifiers: mods)
        case "H": return KeyEvent(.home, modifiers: mods)
        case "F": return KeyEvent(.end, modifiers: mods)
        case "Z": return KeyEvent(.backTab, modifiers: .shift)
        case "P", "Q", "R", "S": return KeyEvent(.function(Int(final.asciiValue! - 79)), modifiers: mods)
        case "~":
            let keys: [Int: Key] = [1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
                                    11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4),
                                    15: .function(5), 17: .function(6), 18: .function(7), 19: .function(8),
                                    20: .function(9), 21: .function(10), 23: .function(11), 24: .function(12)]
            guard let n = params.first, let k = keys[n] else { return nil }
            return KeyEvent(k, modifiers: mods)
        default: return nil
        }
    }

    /// Decodes "ESC O x" (SS3): F1–F4 and application-mode arrows.
    public static func decodeSS3(_ c: Character) -> KeyEvent? {
        switch c {
        case "P": return KeyEvent(.function(1))
        case "Q": return KeyEvent(.function(2))
        case "R": return KeyEvent(.function(3))
        case "S": return KeyEvent(.function(4))
        case "A": return KeyEvent(.up)
        case "B": return KeyEvent(.down)
        case "C": return KeyEvent(.right)
        case "D": return KeyEvent(.left)
        case "H": return KeyEvent(.home)
        case "F": return KeyEvent(.end)
        case "M": return KeyEvent(.enter)
        default: return nil
        }
    }

    /// ncurses names for modified keys it reports as extended codes ("kLFT5" = Ctrl-Left).
    public static func decodeKeyName(_ name: String) -> KeyEvent? {
        let bases: [(String, Key)] = [("kLFT", .left), ("kRIT", .right), ("kUP", .up), ("kDN", .down),
                                      ("kHOM", .home), ("kEND", .end), ("kDC", .delete), ("kPRV", .pageUp), ("kNXT", .pageDown)]
        for (prefix, key) in bases where name.hasPrefix(prefix) {
            guard let n = Int(name.dropFirst(prefix.count)) else { continue }
            return KeyEvent(key, modifiers: modifiers(n))
        }
        return nil
    }
}
