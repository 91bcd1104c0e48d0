import CNcurses
import TUIKit

/// Allocates ncurses colour pairs on demand, one per (fg, bg) combination seen, and maps 256-colour
/// indices down when the terminal has fewer colours.
struct ColorPairs {
    let enabled: Bool
    let available: Int
    let maxPairs: Int
    private var pairs: [Int32: Int] = [:]
    private var next = 1

    init(enabled: Bool, available: Int, maxPairs: Int) {
        self.enabled = enabled
        self.available = available
        self.maxPairs = min(maxPairs, 32767)  // init_pair takes a short
    }

    /// The pair number for fg/bg (0 = terminal default, also when pairs run out).
    mutating func pair(fg: Color, bg: Color) -> Int {
        guard enabled else { return 0 }
        let f = number(fg), b = number(bg)
        if f == -1 && b == -1 { return 0 }
        let key = (Int32(f) + 1) << 16 | (Int32(b) + 1)
        if let p = pairs[key] { return p }
        guard next < maxPairs else { return 0 }
        init_pair(Int16(next), Int16(f), Int16(b))
        pairs[key] = next
        next += 1
        return next - 1
    }

    /// Terminal colour number, -1 for default.
    private func number(_ c: Color) -> Int {
        guard case .indexed(let i) = c else { return -1 }
        let n = Int(i)
        if n < available { return n }
        if n < 16 { return n % 8 }
        if n >= 232 { return n < 244 ? 0 : 7 }  // grey ramp → black/white
        // 6×6×6 cube → the nearest of the 8 basic colours.
        let v = n - 16
        let r = v / 36 >= 3 ? 1 : 0, g = (v / 6) % 6 >= 3 ? 2 : 0, b = v % 6 >= 3 ? 4 : 0
        return (r | g | b) % max(1, min(8, available))
    }
}
