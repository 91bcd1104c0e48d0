/// A bar showing used vs limit, e.g. a policy's characters against IAM's 6,144 limit:
/// `[██████░░░░] 2,345 / 6,144 chars`. Turns yellow past 80 % and red past the limit.
public struct SizeMeter: Widget {
    public var used: Int
    public var limit: Int
    public var unit: String
    public var theme: Theme

    public init(used: Int, limit: Int, unit: String = "chars", theme: Theme = Theme()) {
        self.used = used
        self.limit = limit
        self.unit = unit
        self.theme = theme
    }

    /// "2,345" — thousands separators without Foundation's locale machinery.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// The text part: "2,345 / 6,144 chars".
    public var label: String { "\(SizeMeter.grouped(used)) / \(SizeMeter.grouped(limit)) \(unit)" }

    public func render(area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let text = " " + label
        let barWidth = max(0, area.width - DisplayWidth.of(text) - 2)
        let ratio = limit > 0 ? Double(used) / Double(limit) : 0
        let style = ratio > 1 ? theme.error : ratio > 0.8 ? theme.warning : theme.success
        var x = area.x
        if barWidth >= 4 {
            let filled = min(barWidth, Int((ratio * Double(barWidth)).rounded(.up)))
            let ascii = theme.borders == .ascii
            x = buffer.put("[", x: x, y: area.y, style: theme.dim)
            x = buffer.put(String(repeating: ascii ? "#" : "█", count: filled), x: x, y: area.y, style: style, maxX: area.maxX)
            x = buffer.put(String(repeating: ascii ? "." : "░", count: barWidth - filled), x: x, y: area.y, style: theme.dim, maxX: area.maxX)
            x = buffer.put("]", x: x, y: area.y, style: theme.dim)
        }
        buffer.put(text, x: x, y: area.y, style: ratio > 1 ? theme.error : theme.text, maxX: area.maxX)
    }
}
