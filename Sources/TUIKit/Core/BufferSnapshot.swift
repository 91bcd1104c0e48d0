/// A text rendering of a buffer for snapshot tests: the screen text, then a style layer where
/// each cell is a letter standing for a style listed in a legend ("." = plain).
///
/// ```
/// ╭ Title ─╮
/// --- styles ---
/// aabbbbbaa
/// a = fg:brightblack
/// b = bold
/// ```
public enum BufferSnapshot {
    public static func render(_ buffer: ScreenBuffer) -> String {
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var styleRows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let c = buffer[x, y]
                if c.style == .plain { row.append("."); continue }
                if legend[c.style] == nil {
                    legend[c.style] = order.count < letters.count ? letters[order.count] : "?"
                    order.append(c.style)
                }
                row.append(legend[c.style]!)
            }
            styleRows.append(row)
        }
        var out = (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n")
        out += "\n--- styles ---\n" + styleRows.joined(separator: "\n")
        out += "\n--- legend ---\n" + order.map { "\(legend[$0]!) = \($0)" }.joined(separator: "\n")
        return out + "\n"
    }
}
