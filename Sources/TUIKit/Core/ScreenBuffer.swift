/// A grid of cells that widgets draw into and backends flush.
///
/// Writes are clipped to the buffer; a wide grapheme that would straddle the clip edge is replaced
/// by a space so the screen never shows half a character.
public struct ScreenBuffer: Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    /// A buffer filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(size: size) }

    /// The cell at (x, y); out-of-range reads return a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            let base = y * size.width
            for x in r.minX..<r.maxX { cells[base + x] = cell }
        }
    }

    /// Applies `style` on top of the existing style of every cell in `rect`.
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            let base = y * size.width
            for x in r.minX..<r.maxX { cells[base + x].style = cells[base + x].style.patched(with: style) }
        }
    }

    /// Replaces the style of every cell in `rect`.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            let base = y * size.width
            for x in r.minX..<r.maxX { cells[base + x].style = style }
        }
    }

    /// Writes `text` at (x, y) without wrapping, stopping at `maxX` (exclusive; default: the
    /// buffer's right edge). Control characters are skipped. Returns the column after the last
    /// written cell.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let limit = min(maxX ?? size.width, size.width)
        var col = x
        let base = y * size.width
        if let end = putASCII(text, x: x, base: base, limit: limit, style: style) { return end }
        for ch in text {
            if col >= limit { break }
            let w: Int
            let sym: String
            if let a = ch.asciiValue {
                if a < 0x20 || a == 0x7F { continue }
                w = 1
                sym = String(ch)
            } else {
                w = DisplayWidth.of(ch)
                if w == 0 {
                    // A lone combining mark joins the previous cell's grapheme.
                    if col > x, col - 1 >= 0, col - 1 < size.width {
                        var prev = col - 1
                        if cells[base + prev].isContinuation, prev > 0 { prev -= 1 }
                        cells[base + prev].symbol.append(ch)
                    }
                    continue
                }
                sym = String(ch)
            }
            if col < 0 { col += w; continue }
            if w == 2 {
                if col + 1 >= limit {
                    cells[base + col] = Cell(" ", style: style)
                    col += 1
                    break
                }
                clearWideNeighbour(at: col, base: base)
                clearWideNeighbour(at: col + 1, base: base)
                cells[base + col] = Cell(sym, style: style, width: 2)
                cells[base + col + 1] = .continuation(style: style)
            } else {
                clearWideNeighbour(at: col, base: base)
                cells[base + col] = Cell(sym, style: style, width: 1)
            }
            col += w
        }
        return col
    }

    /// Fast path for printable ASCII (most of any screen): bytes map 1:1 to cells, so there is no
    /// grapheme breaking and no width lookup. Returns nil when `text` is not plain ASCII.
    @inline(__always)
    private mutating func putASCII(_ text: some StringProtocol, x: Int, base: Int, limit: Int, style: Style) -> Int? {
        let utf8 = text.utf8
        var printable = true
        for b in utf8 where b < 0x20 || b >= 0x7F { printable = false; break }
        guard printable else { return nil }
        var col = x
        for b in utf8 {
            if col >= limit { break }
            if col >= 0 {
                clearWideNeighbour(at: col, base: base)
                cells[base + col] = Cell(ScreenBuffer.asciiSymbols[Int(b)], style: style, width: 1)
            }
            col += 1
        }
        return col
    }

    /// One-character strings for every ASCII byte, built once: no per-cell string construction.
    private static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Overwriting half of a wide grapheme must blank its other half, or the terminal shows garbage.
    @inline(__always)
    private mutating func clearWideNeighbour(at col: Int, base: Int) {
        let c = cells[base + col]
        if c.width == 2, col + 1 < size.width {
            cells[base + col + 1] = Cell(" ", style: c.style)
        } else if c.width == 0, col > 0, cells[base + col - 1].width == 2 {
            cells[base + col - 1] = Cell(" ", style: cells[base + col - 1].style)
        }
    }

    /// Writes styled spans in sequence starting at (x, y), clipped at `maxX`.
    @discardableResult
    public mutating func put(spans: [Span], x: Int, y: Int, maxX: Int? = nil) -> Int {
        var col = x
        for span in spans { col = put(span.text, x: col, y: y, style: span.style, maxX: maxX) }
        return col
    }

    /// Copies `other` into this buffer with its top-left corner at (x, y), clipped.
    public mutating func blit(_ other: ScreenBuffer, x: Int, y: Int) {
        for oy in 0..<other.height {
            for ox in 0..<other.width { self[x + ox, y + oy] = other[ox, oy] }
        }
    }

    /// The text of row `y`, continuation cells omitted, trailing spaces kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var s = ""
        s.reserveCapacity(size.width)
        for x in 0..<size.width {
            let c = cells[y * size.width + x]
            if !c.isContinuation { s += c.symbol }
        }
        return s
    }

    /// All rows as text with trailing spaces trimmed: what a person would read on screen.
    public var text: String {
        (0..<size.height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// Whether any row contains `needle`.
    public func contains(_ needle: String) -> Bool {
        (0..<size.height).contains { line($0).contains(needle) }
    }
}

/// A run of text in one style: the unit widgets compose lines from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension String {
    /// The string without trailing spaces.
    public func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
